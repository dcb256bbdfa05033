package dev.signet.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.fault.Conflict;
import dev.signet.model.EntryKind;
import dev.signet.model.Person;
import dev.signet.schema.Schema;
import dev.signet.schema.ValueClaim;
import dev.signet.schema.ValueClaims;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UniqueValuesTest {
    private final UUID source = UUID.randomUUID();
    private final Map<String, Map<String, ValueClaims.Holder>> held = new HashMap<>();

    private void holds(String attribute, String value, UUID holder, ValueClaim.HolderKind kind, UUID syncParent) {
        held.computeIfAbsent(attribute, a -> new HashMap<>()).put(value, new ValueClaims.Holder(holder, kind, syncParent));
    }

    private List<String> conflicts(EntryWrite... writes) {
        for (EntryWrite write : writes) {
            if (write.op() != EntryWrite.Op.RECYCLE) {
                ValuesFitSchema.normalise(write, ref -> Optional.empty());
            }
        }
        Refusals refusals = Refusals.collecting(List.of());
        UniqueValues.conflicts(UniqueValues.plan(List.of(writes)), held, refusals);
        return refusals.conflicts();
    }

    private EntryWrite created(String name) {
        return EntryWrite.create(EntryKind.GROUP, UUID.randomUUID(), Map.of(Schema.NAME, List.of(name)));
    }

    private EntryWrite imported(UUID uuid, String name, String... mail) {
        return EntryWrite.imported(source, null, EntryKind.GROUP, uuid, "cn=" + name,
                Map.of(Schema.NAME, List.of(name), Schema.MAIL, List.of(mail)));
    }

    @Test
    void aFreeNameIsTaken() {
        assertEquals(List.of(), conflicts(created("team")));
    }

    @Test
    void aNameIsOneNamespaceForEntriesClientsAndSyncAccounts() {
        holds(Schema.NAME, "local", UUID.randomUUID(), ValueClaim.HolderKind.ENTRY, null);
        holds(Schema.NAME, "app", UUID.randomUUID(), ValueClaim.HolderKind.OAUTH2_CLIENT, null);
        holds(Schema.NAME, "corp", UUID.randomUUID(), ValueClaim.HolderKind.SYNC_ACCOUNT, null);
        EntryWrite local = created("local");
        EntryWrite app = created("app");
        EntryWrite corp = created("corp");
        assertEquals(List.of("local: name local is taken by a local entry", "app: name app is taken by an OAuth2 client",
                "corp: name corp is taken by a sync account"), conflicts(local, app, corp));
    }

    @Test
    void aSingleWriteIsRefusedWithTheAttributeAtFault() {
        holds(Schema.NAME, "team", UUID.randomUUID(), ValueClaim.HolderKind.ENTRY, null);
        EntryWrite write = created("team");
        ValuesFitSchema.normalise(write, ref -> Optional.empty());
        Conflict refused = assertThrows(Conflict.class, () ->
                UniqueValues.conflicts(UniqueValues.plan(List.of(write)), held, Refusals.failFast()));
        assertEquals(Schema.NAME, refused.field());
    }

    @Test
    void anEntryKeepsWhatItHoldsAndAnUnchangedValueIsNotAskedFor() {
        Person jo = new Person(UUID.randomUUID(), "jo", Instant.now());
        jo.mail().add("jo@example.com");
        holds(Schema.NAME, "jo", jo.uuid(), ValueClaim.HolderKind.ENTRY, null);
        EntryWrite same = EntryWrite.modify(jo, Map.of(Schema.NAME, List.of("jo"), Schema.MAIL, List.of("jo@example.com")));
        assertEquals(List.of(), conflicts(same));
        assertEquals(List.of(), UniqueValues.plan(List.of(same)).wanted, "nothing changes, nothing is claimed");
    }

    @Test
    void whoHoldsAnImportedNameIsSaid() {
        holds(Schema.NAME, "ours", UUID.randomUUID(), ValueClaim.HolderKind.ENTRY, source);
        holds(Schema.NAME, "theirs", UUID.randomUUID(), ValueClaim.HolderKind.ENTRY, UUID.randomUUID());
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        assertEquals(List.of("cn=ours (" + a + "): name ours is taken by another entry of this sync account",
                "cn=theirs (" + b + "): name theirs is taken by an entry of another sync account"), conflicts(imported(a, "ours"), imported(b, "theirs")));
    }

    @Test
    void aRecycleInTheSameSetFreesTheName() {
        Person old = new Person(UUID.randomUUID(), "pat", Instant.now());
        holds(Schema.NAME, "pat", old.uuid(), ValueClaim.HolderKind.ENTRY, source);
        assertEquals(List.of(), conflicts(EntryWrite.recycle(old, source), imported(UUID.randomUUID(), "pat")));
    }

    @Test
    void aRenameInTheSameSetDoesNotFreeTheNameButAMailChangeFreesTheAddress() {
        Person jo = new Person(UUID.randomUUID(), "jo", Instant.now());
        jo.mail().add("shared@example.com");
        holds(Schema.NAME, "jo", jo.uuid(), ValueClaim.HolderKind.ENTRY, source);
        holds(Schema.MAIL, "shared@example.com", jo.uuid(), ValueClaim.HolderKind.ENTRY, source);
        EntryWrite renamed = EntryWrite.imported(source, jo, EntryKind.PERSON, jo.uuid(), "uid=jo",
                Map.of(Schema.NAME, List.of("joanna"), Schema.MAIL, List.of("joanna@example.com")));
        UUID other = UUID.randomUUID();
        assertEquals(List.of("cn=jo (" + other + "): name jo is taken by another entry of this sync account"),
                conflicts(renamed, imported(other, "jo", "shared@example.com")));
    }

    @Test
    void aValueTwiceInOneSetIsRefusedOnce() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        assertEquals(List.of("cn=x (" + b + "): name x twice in one change set", "cn=x (" + b + "): mail m@example.com twice in one change set"),
                conflicts(imported(a, "x", "m@example.com"), imported(b, "x", "m@example.com")));
    }

    @Test
    void aRevivedEntryTakesBackItsNameAndMailIfFree() {
        Person jo = new Person(UUID.randomUUID(), "jo", Instant.now());
        jo.mail().add("jo@example.com");
        jo.recycle(Instant.now());
        holds(Schema.MAIL, "jo@example.com", UUID.randomUUID(), ValueClaim.HolderKind.ENTRY, null);
        assertEquals(List.of("jo: mail jo@example.com was taken while jo was in the recycle bin"), conflicts(EntryWrite.revive(jo)));
    }
}
