package dev.signet.sync;

import dev.signet.fault.InvalidInput;
import dev.signet.model.EntryKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One sync push (Kanidm's SCIM sync request): the state it starts from (null for a refresh), the
 * state it ends in, the entries as the source has them, and what to delete.
 *
 * @param fromCookie the cookie of the state the source believes Signet holds; null means Refresh
 * @param toCookie the cookie Signet holds once this change set is applied
 * @param deleteMissing Kanidm's {@code retain: Delete}: owned entries not listed are deleted
 */
public record SyncChangeSet(String fromCookie, String toCookie, List<Item> entries, Set<UUID> deleteUuids, boolean deleteMissing) {
    public SyncChangeSet {
        entries = List.copyOf(entries);
        deleteUuids = Set.copyOf(deleteUuids);
    }

    /** One entry as the source has it; attrs in Signet's schema names (member as UUIDs). */
    public record Item(EntryKind kind, UUID uuid, String externalId, Map<String, List<String>> attrs) {
        public Item {
            attrs = Map.copyOf(attrs);
        }

        public String name() {
            return attrs.getOrDefault("name", List.of("")).stream().findFirst().orElse("");
        }
    }

    /** What a run did. */
    /**
     * Kanidm's {@code retain}: {@code "Ignore"} (absent: the same) keeps what a change set does not
     * list, {@code "Delete"} deletes it. Anything else is refused: a mistyped mode must not quietly
     * become Ignore, the sender meant something else.
     */
    public static boolean deletesMissing(String retain) {
        if (retain == null || retain.equals("Ignore")) {
            return false;
        }
        if (retain.equals("Delete")) {
            return true;
        }
        throw new InvalidInput("retain", "retain must be \"Ignore\" or \"Delete\"");
    }

    public record Applied(int created, int updated, int deleted, int unchanged, String cookie) {
    }
}
