package dev.signet.directory;

import dev.signet.model.EntryKind;
import dev.signet.schema.Storage;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The conditions on entries a search filter is made of, as the translator composes them: the
 * query language's side of {@link LdapFilterTranslator}. The directory's answer builds them as
 * JPA criteria ({@link CriteriaConditions}); a test can build them as text, so what a filter
 * means is checked without a database.
 *
 * @param <P> a condition (a criteria predicate)
 */
interface EntryConditions<P> {
    P all();

    P none();

    P and(List<P> conditions);

    P or(List<P> conditions);

    P not(P condition);

    /** The entry is of one of these kinds. */
    P kindIn(Set<EntryKind> kinds);

    /** The entry has a value in {@code storage} (held by the entity of {@code kinds} when it is on a subtype). */
    P present(Storage storage, Set<EntryKind> kinds);

    /** A stored value equals {@code value}; with {@code lowerStored}, the stored value lowered first. */
    P equal(Storage storage, Set<EntryKind> kinds, Object value, boolean lowerStored);

    /** A stored value (lowered) is LIKE {@code pattern} (lower case, {@code \} escapes). */
    P like(Storage storage, Set<EntryKind> kinds, String pattern, boolean lowerStored);

    /** A stored value is at least (or at most) {@code value}. */
    <T extends Comparable<? super T>> P ordered(Storage storage, Set<EntryKind> kinds, T value, boolean atLeast);

    /** The entry is a group with a member: any member when {@code member} is null. */
    P groupWithMember(UUID member);

    /** The entry is a group with a live POSIX account among its members: any when {@code name} is null. */
    P groupWithPosixMember(String name);
}
