package dev.signet.sync;

import dev.signet.access.AccessControl;
import dev.signet.access.BuiltinGroup;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
import dev.signet.auth.KeyEncryption;
import dev.signet.fault.Conflict;
import dev.signet.fault.EntryNotFound;
import dev.signet.model.EntryKind;
import dev.signet.schema.Schema;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A sync job's runs, for the job's steps: where the source is, the change set staged by step 1,
 * and step 2 applying it whole through {@link SyncApplier}. Also the run history admins read.
 */
// access is decided in code: the job's steps run as Signet; the history needs idm_admins
@PermitAll
@Stateless
public class SyncRuns {
    static final String PASSWORD_CONTEXT = "signet sync bind password";
    /** A staged group's posixGroup members, by name, until step 2 resolves them. */
    public static final String MEMBER_UID = "member_uid";

    /** What the job's reader needs: the source and its bind password. */
    public record SourceAccess(LdapSource source, char[] password) {
    }

    /** One entry as step 1 read it: kind, UUID, DN, attributes in Signet's names (member as DNs). */
    public record SourceItem(EntryKind kind, UUID uuid, String dn, Map<String, List<String>> attrs) {
    }

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private SyncApplier applier;
    @EJB
    private Callers callers;
    @EJB
    private SyncAccounts accounts;
    @EJB
    private Audit audit;

    /** A new run of the account's job; refused while the account cannot sync. */
    public UUID begin(UUID account) {
        SyncAccount found = em.find(SyncAccount.class, account);
        if (found == null || found.finalised() || found.ldapSource().isEmpty()) {
            throw new Conflict("sync_account", "the sync account has no LDAP source to run, or is finalised");
        }
        SyncRun run = new SyncRun(UUID.randomUUID(), account, Instant.now(), SyncRun.thisNode());
        em.persist(run);
        return run.id();
    }

    /** Whether a run of the account is under way (a scheduled run then waits for the next time). */
    public boolean running(UUID account) {
        return !em.createQuery("select r.id from SyncRun r where r.account = :account and r.status = 'RUNNING'", UUID.class)
                .setParameter("account", account).setMaxResults(1).getResultList().isEmpty();
    }

    public SourceAccess source(UUID run) {
        SyncAccount account = em.find(SyncAccount.class, em.find(SyncRun.class, run).account());
        String password = account.sealedBindPassword().map(p -> KeyEncryption.fromConfiguredFile().decrypt(p, PASSWORD_CONTEXT)).orElse("");
        return new SourceAccess(account.ldapSource().orElseThrow(), password.toCharArray());
    }

    /** Step 1's writer: a chunk of entries staged for the run. */
    public void stage(UUID run, List<SourceItem> items) {
        SyncRun found = em.find(SyncRun.class, run);
        long seq = found.read();
        for (SourceItem item : items) {
            JsonObjectBuilder attrs = Json.createObjectBuilder();
            item.attrs().forEach((name, values) -> {
                JsonArrayBuilder list = Json.createArrayBuilder();
                values.forEach(list::add);
                attrs.add(name, list);
            });
            em.persist(new StagedEntry(run, seq++, item.kind().name(), item.uuid(), item.dn(), attrs.build().toString()));
        }
        found.counted(items.size());
    }

    /**
     * Step 2: the staged change set as one full refresh (owned entries the source no longer has are
     * deleted), applied in this one transaction. A conflict fails the run with its report and
     * leaves everything, the cookie included, as it was.
     */
    public SyncChangeSet.Applied apply(UUID run) {
        SyncRun found = em.find(SyncRun.class, run);
        if (found.status() != SyncRun.Status.RUNNING) {
            throw new Conflict("run", "run " + run + " already ended (" + found.status() + "); nothing applied");
        }
        SyncAccount account = em.find(SyncAccount.class, found.account());
        List<StagedEntry> staged = em.createQuery("select s from StagedEntry s where s.run = :run order by s.seq", StagedEntry.class)
                .setParameter("run", run).getResultList();
        Map<String, UUID> byDn = new HashMap<>();
        Map<String, UUID> byName = new HashMap<>();
        staged.forEach(s -> byDn.put(s.dn().toLowerCase(java.util.Locale.ROOT), s.entryUuid()));
        List<SyncChangeSet.Item> items = new ArrayList<>();
        for (StagedEntry entry : staged) {
            JsonObject json = Json.createReader(new StringReader(entry.attrs())).readObject();
            Map<String, List<String>> attrs = new LinkedHashMap<>();
            json.forEach((name, values) -> attrs.put(name, values.asJsonArray().getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList()));
            attrs.getOrDefault(Schema.NAME, List.of()).forEach(n -> byName.put(n, entry.entryUuid()));
            items.add(new SyncChangeSet.Item(EntryKind.valueOf(entry.kind()), entry.entryUuid(), entry.dn(), attrs));
        }
        for (int i = 0; i < items.size(); i++) {
            SyncChangeSet.Item item = items.get(i);
            Map<String, List<String>> attrs = new LinkedHashMap<>(item.attrs());
            List<String> memberUids = attrs.remove(MEMBER_UID);
            if (attrs.containsKey(Schema.MEMBER) || memberUids != null) {
                // members the source has outside what this account imports are left out
                java.util.Set<String> members = new java.util.LinkedHashSet<>();
                attrs.getOrDefault(Schema.MEMBER, List.of()).stream().map(dn -> byDn.get(dn.toLowerCase(java.util.Locale.ROOT)))
                        .filter(java.util.Objects::nonNull).forEach(u -> members.add(u.toString()));
                (memberUids == null ? List.<String>of() : memberUids).stream().map(n -> byName.get(n.toLowerCase(java.util.Locale.ROOT)))
                        .filter(java.util.Objects::nonNull).forEach(u -> members.add(u.toString()));
                attrs.put(Schema.MEMBER, List.copyOf(members));
            }
            items.set(i, new SyncChangeSet.Item(item.kind(), item.uuid(), item.externalId(), attrs));
        }
        SyncChangeSet.Applied applied = applier.apply(account, new SyncChangeSet(account.cookie().orElse(null), "run:" + run, items,
                Set.of(), true));
        em.createQuery("delete from StagedEntry s where s.run = :run").setParameter("run", run).executeUpdate();
        found.completed(applied, Instant.now());
        return applied;
    }

    /** Records why a run failed, whatever happens to the transaction that failed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(UUID run, String why) {
        SyncRun found = em.find(SyncRun.class, run);
        if (found != null) {
            found.failed(why, Instant.now());
            em.createQuery("delete from StagedEntry s where s.run = :run").setParameter("run", run).executeUpdate();
        }
    }

    /** Marks a run failed unless it already ended (the job listener's catch-all). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failIfRunning(UUID run, String why) {
        SyncRun found = em.find(SyncRun.class, run);
        if (found != null && found.status() == SyncRun.Status.RUNNING) {
            fail(run, why);
        }
    }

    /** The account's runs, newest first. */
    public List<SyncRun> history(String accountId) {
        AccessControl.requireMember(callers.current(), BuiltinGroup.IDM_ADMINS, "sync accounts");
        SyncAccount account = accounts.find(accountId).orElseThrow(() -> new EntryNotFound(accountId));
        return em.createQuery("select r from SyncRun r where r.account = :account order by r.started desc", SyncRun.class)
                .setParameter("account", account.uuid()).setMaxResults(100).getResultList();
    }

}
