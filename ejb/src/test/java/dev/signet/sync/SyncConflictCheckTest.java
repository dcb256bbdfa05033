package dev.signet.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signet.model.EntryKind;
import dev.signet.schema.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import java.util.HashMap;

/** The sync account's own rules over a change set, before the database is asked. */
class SyncConflictCheckTest {
    private final UUID owned = UUID.randomUUID();

    private static SyncChangeSet.Item item(EntryKind kind, UUID uuid, String name, Map<String, List<String>> more) {
        Map<String, List<String>> attrs = new HashMap<>(more);
        attrs.put(Schema.NAME, List.of(name));
        return new SyncChangeSet.Item(kind, uuid, "ext-" + name, attrs);
    }

    private List<String> check(SyncChangeSet.Item... items) {
        return new SyncConflictCheck(null, new SyncChangeSet(null, "c1", List.of(items), Set.of(), false), Set.of(owned)).inSet();
    }

    @Test
    void aCleanChangeSetHasNoConflicts() {
        UUID person = UUID.randomUUID();
        assertEquals(List.of(), check(item(EntryKind.PERSON, person, "pat", Map.of(Schema.MAIL, List.of("pat@example.com"))),
                item(EntryKind.GROUP, UUID.randomUUID(), "team", Map.of(Schema.MEMBER, List.of(person.toString(), owned.toString())))));
    }

    @Test
    void theSameIdTwiceIsRefused() {
        UUID uuid = UUID.randomUUID();
        assertEquals(List.of("ext-b (" + uuid + "): the same id twice in one change set"),
                check(item(EntryKind.PERSON, uuid, "a", Map.of()), item(EntryKind.PERSON, uuid, "b", Map.of())));
    }

    @Test
    void aNameOrMailThatIsNoneIsReportedForTheEntry() {
        UUID bad = UUID.randomUUID();
        UUID badMail = UUID.randomUUID();
        List<String> found = check(item(EntryKind.PERSON, bad, "1abc", Map.of()),
                item(EntryKind.PERSON, badMail, "ok", Map.of(Schema.MAIL, List.of("nope"))));
        assertEquals(List.of("ext-1abc (" + bad + "): name: must match ^[a-z][a-z0-9_.-]{0,63}$",
                "ext-ok (" + badMail + "): mail: must be an email address"), found);
    }

    @Test
    void aGroupHoldsOnlyEntriesOfItsOwnSyncAccount() {
        UUID stranger = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        assertEquals(List.of("ext-team (" + group + "): member " + stranger + " is not an entry of this sync account",
                "ext-team (" + group + "): member cn=x is not the id of an entry"),
                check(item(EntryKind.GROUP, group, "team", Map.of(Schema.MEMBER, List.of(stranger.toString(), "cn=x")))));
    }

    @Test
    void aSourceNeverSetsAccountPolicy() {
        UUID group = UUID.randomUUID();
        assertEquals(List.of("ext-team (" + group + "): auth_password_minimum_length is account policy, which a sync source does not set"),
                check(item(EntryKind.GROUP, group, "team", Map.of(Schema.PASSWORD_MINIMUM_LENGTH, List.of("20")))));
    }
}
