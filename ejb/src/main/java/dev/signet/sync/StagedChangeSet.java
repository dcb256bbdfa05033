package dev.signet.sync;

import dev.signet.model.EntryKind;
import dev.signet.schema.Schema;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What step 1 staged for a run, as the change set step 2 applies: entries with their members
 * resolved from DNs and posixGroup member names to UUIDs, and what the source no longer has.
 *
 * <p>A full read (no source cookie sent, or a source without RFC 4533) lists every entry, so
 * owned entries it does not list are deleted. An incremental read lists what changed and either
 * every unchanged entry's UUID (present phase: the rest is deleted) or the deleted UUIDs
 * (delete phase). Members an incremental read does not list are found among the entries the
 * account already owns, by DN or name.
 */
final class StagedChangeSet {
    /** Looked up once: Json.createXxx() finds the provider through a ServiceLoader scan at every call. */
    private static final JsonProvider JSON = JsonProvider.provider();
    static final String PRESENT = "PRESENT";
    static final String DELETED = "DELETED";

    private final EntityManager em;
    private final SyncAccount account;
    private final SyncRun run;

    StagedChangeSet(EntityManager em, SyncAccount account, SyncRun run) {
        this.em = em;
        this.account = account;
        this.run = run;
    }

    SyncChangeSet read() {
        // only a read that went on from the account's own cookie lists changes alone; anything else
        // (no RFC 4533, a first run, a refresh the directory asked for) listed every entry it has
        boolean incremental = run.incremental() && account.cookie().filter(c -> c.startsWith(SyncRuns.SYNCREPL)).isPresent();
        // plain rows: 100k staged entities would only weigh on the session until commit
        List<Object[]> staged = em.createQuery("select s.kind, s.entryUuid, s.dn, s.attrs from StagedEntry s where s.run = :run order by s.seq",
                Object[].class).setParameter("run", run.id()).getResultList();
        Map<String, UUID> byDn = new HashMap<>();
        Map<String, UUID> byName = new HashMap<>();
        Set<UUID> present = new HashSet<>();
        Set<UUID> deleted = new HashSet<>();
        List<SyncChangeSet.Item> items = new ArrayList<>();
        for (Object[] row : staged) {
            String kind = (String) row[0];
            UUID uuid = (UUID) row[1];
            if (kind.equals(PRESENT)) {
                present.add(uuid);
                continue;
            }
            if (kind.equals(DELETED)) {
                deleted.add(uuid);
                continue;
            }
            String dn = (String) row[2];
            byDn.put(dn.toLowerCase(Locale.ROOT), uuid);
            JsonObject json = JSON.createReader(new StringReader((String) row[3])).readObject();
            Map<String, List<String>> attrs = new LinkedHashMap<>();
            json.forEach((name, values) -> attrs.put(name, values.asJsonArray().getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList()));
            attrs.getOrDefault(Schema.NAME, List.of()).forEach(n -> byName.put(n, uuid));
            items.add(new SyncChangeSet.Item(EntryKind.valueOf(kind), uuid, dn, attrs));
        }
        String toCookie = run.sourceCookie().map(c -> SyncRuns.SYNCREPL + c).orElse("run:" + run.id());
        if (!incremental) {
            items.replaceAll(item -> withMemberUuids(item, byDn, byName));
            return new SyncChangeSet(account.cookie().orElse(null), toCookie, items, Set.of(), true);
        }
        Set<UUID> kept = new HashSet<>(present);
        items.forEach(i -> kept.add(i.uuid()));
        for (Object[] row : em.createQuery("select e.uuid, e.syncExternalId, e.name from Entry e"
                + " where e.syncParent = :owner and e.recycledAt is null", Object[].class).setParameter("owner", account.uuid()).getResultList()) {
            UUID uuid = (UUID) row[0];
            if (!run.deletesOnly() && !kept.contains(uuid)) {
                // present phase: what the source neither changed nor still has is gone
                deleted.add(uuid);
            }
            if (deleted.contains(uuid)) {
                continue;
            }
            // members this read did not bring: entries the account imported before, by DN or name
            if (row[1] != null) {
                byDn.putIfAbsent(((String) row[1]).toLowerCase(Locale.ROOT), uuid);
            }
            byName.putIfAbsent((String) row[2], uuid);
        }
        items.replaceAll(item -> withMemberUuids(item, byDn, byName));
        return new SyncChangeSet(account.cookie().orElse(null), toCookie, items, deleted, false);
    }

    private static SyncChangeSet.Item withMemberUuids(SyncChangeSet.Item item, Map<String, UUID> byDn, Map<String, UUID> byName) {
        Map<String, List<String>> attrs = new LinkedHashMap<>(item.attrs());
        List<String> memberUids = attrs.remove(SyncRuns.MEMBER_UID);
        if (!attrs.containsKey(Schema.MEMBER) && memberUids == null) {
            return item;
        }
        // members the source has outside what this account imports are left out
        Set<String> members = new LinkedHashSet<>();
        attrs.getOrDefault(Schema.MEMBER, List.of()).stream().map(dn -> byDn.get(dn.toLowerCase(Locale.ROOT)))
                .filter(Objects::nonNull).forEach(u -> members.add(u.toString()));
        (memberUids == null ? List.<String>of() : memberUids).stream().map(n -> byName.get(n.toLowerCase(Locale.ROOT)))
                .filter(Objects::nonNull).forEach(u -> members.add(u.toString()));
        attrs.put(Schema.MEMBER, List.copyOf(members));
        return new SyncChangeSet.Item(item.kind(), item.uuid(), item.externalId(), attrs);
    }
}
