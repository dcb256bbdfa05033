package dev.signet.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.fault.Conflict;
import dev.signet.model.EntryKind;
import dev.signet.model.Person;
import dev.signet.schema.Schema;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SyncOwnerDecidesTest {
    private final UUID source = UUID.randomUUID();
    private final Map<UUID, SyncOwners.Agreement> agreements = new HashMap<>();
    private final Map<UUID, String> entries = new HashMap<>();
    private final SyncOwnerDecides rule = new SyncOwnerDecides(new SyncOwners() {
        @Override
        public Optional<Agreement> agreement(UUID syncAccount) {
            return Optional.ofNullable(agreements.get(syncAccount));
        }

        @Override
        public Map<UUID, String> existing(Collection<UUID> uuids) {
            Map<UUID, String> found = new HashMap<>();
            uuids.stream().filter(entries::containsKey).forEach(u -> found.put(u, entries.get(u)));
            return found;
        }
    });

    private Person imported() {
        Person person = new Person(UUID.randomUUID(), "pat", Instant.now());
        person.syncedBy(source, "uid=pat");
        return person;
    }

    @Test
    void aLocalEntryIsWrittenLocally() {
        Person local = new Person(UUID.randomUUID(), "jo", Instant.now());
        rule.before(List.of(EntryWrite.modify(local, Map.of(Schema.DISPLAYNAME, List.of("Jo")))), Refusals.failFast());
    }

    @Test
    void anImportedEntryChangesOnlyWhereItsSyncAccountYields() {
        agreements.put(source, new SyncOwners.Agreement("corp", false, Set.of(Schema.LOGINSHELL, SyncOwnerDecides.PASSWORD)));
        Person pat = imported();
        Conflict refused = assertThrows(Conflict.class, () ->
                rule.before(List.of(EntryWrite.modify(pat, Map.of(Schema.DISPLAYNAME, List.of("Pat")))), Refusals.failFast()));
        assertEquals(Schema.DISPLAYNAME, refused.field());
        assertTrue(refused.getMessage().contains("owned by the sync account corp") && refused.getMessage().contains("loginshell, password"),
                refused.getMessage());
        rule.before(List.of(EntryWrite.modify(pat, Map.of(Schema.LOGINSHELL, List.of("/bin/zsh")))), Refusals.failFast());
        rule.before(List.of(EntryWrite.guarded(pat, SyncOwnerDecides.PASSWORD)), Refusals.failFast());
        assertThrows(Conflict.class, () -> rule.before(List.of(EntryWrite.recycle(pat, null)), Refusals.failFast()));
    }

    @Test
    void aFinalisedOrVanishedSyncAccountDecidesNothing() {
        Person pat = imported();
        assertEquals(Optional.empty(), SyncOwnerDecides.refusal(pat, Optional.empty(), SyncOwnerDecides.LIFECYCLE));
        assertEquals(Optional.empty(), SyncOwnerDecides.refusal(pat, Optional.of(new SyncOwners.Agreement("corp", true, Set.of())),
                SyncOwnerDecides.LIFECYCLE));
    }

    @Test
    void itsOwnSyncAccountWritesItButANewIdMustBeNewToSignet() {
        agreements.put(source, new SyncOwners.Agreement("corp", false, Set.of()));
        Person pat = imported();
        UUID taken = UUID.randomUUID();
        entries.put(taken, "localjo");
        Refusals refusals = Refusals.collecting(List.of());
        rule.before(List.of(EntryWrite.imported(source, pat, EntryKind.PERSON, pat.uuid(), "uid=pat", Map.of()),
                EntryWrite.recycle(pat, source),
                EntryWrite.imported(source, null, EntryKind.PERSON, taken, "uid=jo", Map.of()),
                EntryWrite.imported(source, null, EntryKind.PERSON, UUID.randomUUID(), "uid=new", Map.of())), refusals);
        assertEquals(List.of("uid=jo (" + taken + "): id belongs to localjo, which this sync account does not own"), refusals.conflicts());
    }
}
