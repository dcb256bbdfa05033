package dev.signet.sync;

import dev.signet.audit.AuditType;
import dev.signet.secret.RandomTokens;
import dev.signet.access.AccessControl;
import dev.signet.access.BuiltinGroup;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
import dev.signet.credential.SecretDigest;
import dev.signet.entry.EntryWrite;
import dev.signet.entry.SyncOwnerDecides;
import dev.signet.entry.WritePath;
import dev.signet.fault.Conflict;
import dev.signet.fault.EntryNotFound;
import dev.signet.fault.InvalidInput;
import dev.signet.model.Entry;
import dev.signet.schema.AttributeDefinition;
import dev.signet.schema.NameOrUuid;
import dev.signet.schema.Schema;
import dev.signet.schema.Syntax;
import dev.signet.schema.ValueClaim;
import dev.signet.schema.ValueClaims;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import dev.signet.domain.KeyEncryption;

/**
 * {@code /v1/sync_account}: sync accounts, their sync tokens and yield attributes, and the two
 * irreversible ends, finalise and terminate. Everything here needs {@code idm_admins} and a
 * read-write session.
 */
@PermitAll
@Stateless
public class SyncAccounts {

    /** What finalise or terminate did (both are idempotent: a retry reports zero). */
    public record Ended(int entries) {
    }

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private Callers callers;
    @EJB
    private Audit audit;
    @EJB
    private WritePath writePath;
    @Inject
    private ValueClaims claims;
    @EJB
    private SyncJobs jobs;

    public SyncAccountView create(String name, String description) {
        Caller caller = admin();
        String normal = Syntax.INAME.normalise(Schema.NAME, name);
        SyncAccount account = new SyncAccount(UUID.randomUUID(), normal,
                description == null ? null : Syntax.UTF8.normalise(Schema.DESCRIPTION, description), Instant.now());
        // one namespace with entries and OAuth2 clients, kept by the database's unique index
        claims.claimName(account.uuid(), ValueClaim.HolderKind.SYNC_ACCOUNT, normal, Schema.NAME);
        em.persist(account);
        audit.success(AuditType.SYNC_ACCOUNT_CREATE, caller, null, "sync account " + normal);
        return SyncAccountView.of(account);
    }

    public List<SyncAccountView> list() {
        reader();
        return em.createQuery("select a from SyncAccount a order by a.name", SyncAccount.class).getResultList().stream()
                .map(SyncAccountView::of).toList();
    }

    public SyncAccountView get(String id) {
        reader();
        return SyncAccountView.of(require(id));
    }

    /** A new sync token (shown once); the previous one stops working. The sync state stays. */
    public String issueToken(String id) {
        Caller caller = admin();
        SyncAccount account = require(id);
        if (account.finalised()) {
            throw new Conflict("sync_account", account.name() + " is finalised and can no longer sync");
        }
        String token = "signet-sync-" + RandomTokens.urlSafe(32);
        account.issueToken(SecretDigest.of(token), Instant.now());
        audit.success(AuditType.SYNC_TOKEN_ISSUE, caller, null, "sync account " + account.name());
        return token;
    }

    /** Destroys the token; the account, its entries and its sync state stay as they are. */
    public void destroyToken(String id) {
        Caller caller = admin();
        SyncAccount account = require(id);
        account.destroyToken();
        audit.success(AuditType.SYNC_TOKEN_DESTROY, caller, null, "sync account " + account.name());
    }

    /** Where the account's job reads from; the bind password is sealed with the key-encryption key. */
    public SyncAccountView readFromLdap(String id, LdapSource source, String bindPassword) {
        Caller caller = admin();
        SyncAccount account = require(id);
        String sealed = bindPassword == null ? account.sealedBindPassword().orElse(null)
                : KeyEncryption.fromConfiguredFile().encrypt(bindPassword, SyncRuns.PASSWORD_CONTEXT);
        account.readFrom(source, sealed);
        audit.success(AuditType.SYNC_SOURCE, caller, null, "sync account " + account.name() + " reads " + source.url() + " " + source.baseDn());
        return SyncAccountView.of(account);
    }

    /**
     * Tries the account's LDAP source as a run would (connect, TLS, bind) and counts what its
     * person and group filters match, so a wrong setting shows before a run fails on it.
     */
    // outside a transaction: the probe waits on the network (connect, TLS, bind, counting) and
    // must not hold a pooled connection meanwhile; the reads before it and the audit after are short
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SourceProbe.Result testLdap(String id) {
        Caller caller = admin();
        SyncAccount account = require(id);
        LdapSource source = account.ldapSource().orElseThrow(() -> new Conflict("sync_account", account.name() + " has no LDAP source; PUT _ldap first"));
        String password = account.sealedBindPassword().map(p -> KeyEncryption.fromConfiguredFile().decrypt(p, SyncRuns.PASSWORD_CONTEXT))
                .orElse("");
        SourceProbe.Result result = SourceProbe.probe(source, password.toCharArray());
        audit.success(AuditType.SYNC_SOURCE_TEST, caller, null, "sync account " + account.name() + ": "
                + (result.failure() == null ? result.people() + " people, " + result.groups() + " groups" : result.failure()));
        return result;
    }

    /** Restarts a run that failed while reading, from its last staged chunk. */
    public void restart(String id, UUID run) {
        Caller caller = admin();
        SyncAccount account = require(id);
        jobs.restart(id, run);
        audit.success(AuditType.SYNC_RUN, caller, null, "sync account " + account.name() + ": run " + run + " restarted");
    }

    /** Starts a run of the account's job now (what the schedule does too). */
    public UUID run(String id) {
        Caller caller = admin();
        SyncAccount account = require(id);
        UUID run = jobs.start(account.uuid());
        audit.success(AuditType.SYNC_RUN, caller, null, "sync account " + account.name() + ": run " + run);
        return run;
    }

    /** Runs the account's job on a schedule (cron fields), on one node of the cluster; null stops it. */
    public SyncAccountView schedule(String id, String cron) {
        Caller caller = admin();
        SyncAccount account = require(id);
        if (cron != null) {
            cron = CronSchedule.parse(cron).text(); // 400 naming the cron field before anything else
        }
        if (cron != null && (account.finalised() || account.ldapSource().isEmpty())) {
            throw new Conflict("schedule", account.name() + " has no LDAP source to run, or is finalised");
        }
        jobs.reschedule(account.uuid(), cron);
        account.scheduled(cron);
        audit.success(AuditType.SYNC_SCHEDULE, caller, null, "sync account " + account.name() + ": " + (cron == null ? "no schedule" : cron));
        return SyncAccountView.of(account);
    }

    /** Replaces the set of attributes the account yields to local changes. */
    public SyncAccountView yieldAttributes(String id, List<String> attributes) {
        Caller caller = admin();
        SyncAccount account = require(id);
        Set<String> valid = new LinkedHashSet<>();
        for (String attribute : attributes) {
            String name = attribute == null ? "" : attribute.trim().toLowerCase(Locale.ROOT);
            Optional<AttributeDefinition> def = Schema.find(name);
            if (!SyncOwnerDecides.CREDENTIALS.contains(name) && !SyncOwnerDecides.LIFECYCLE.equals(name)
                    && (def.isEmpty() || !def.get().writable())) {
                throw new InvalidInput("attributes", "not an attribute that can be yielded: " + attribute);
            }
            valid.add(name);
        }
        account.replaceYieldAttributes(valid);
        audit.success(AuditType.SYNC_YIELD, caller, null, "sync account " + account.name() + " yields " + String.join(", ", valid));
        return SyncAccountView.of(account);
    }

    /** Every imported entry becomes an ordinary local one; the account can no longer sync. */
    public Ended finalise(String id) {
        Caller caller = admin();
        SyncAccount account = require(id);
        List<Entry> owned = owned(account);
        owned.forEach(Entry::releaseFromSync);
        account.finalise(Instant.now());
        jobs.reschedule(account.uuid(), null);
        audit.success(AuditType.SYNC_FINALISE, caller, null, "sync account " + account.name() + ": " + owned.size() + " entries released");
        return new Ended(owned.size());
    }

    /** Every entry the account imported goes to the recycle bin, then the account itself goes. */
    public Ended terminate(String id) {
        Caller caller = admin();
        Optional<SyncAccount> found = find(id);
        if (found.isEmpty()) {
            return new Ended(0);
        }
        SyncAccount account = found.get();
        List<Entry> owned = owned(account);
        writePath.writeAll(owned.stream().filter(e -> !e.recycled()).map(e -> EntryWrite.recycle(e, account.uuid())).toList(), List.of());
        owned.forEach(Entry::releaseFromSync);
        jobs.reschedule(account.uuid(), null);
        claims.releaseAll(List.of(account.uuid()));
        em.remove(account);
        audit.success(AuditType.SYNC_TERMINATE, caller, null, "sync account " + account.name() + ": " + owned.size() + " entries recycled");
        return new Ended(owned.size());
    }

    /** Every entry (live or recycled) the sync account owns. */
    private List<Entry> owned(SyncAccount account) {
        return em.createQuery("select e from Entry e where e.syncParent = :owner", Entry.class)
                .setParameter("owner", account.uuid()).getResultList();
    }

    public Optional<SyncAccount> find(String id) {
        return NameOrUuid.find(em, SyncAccount.class, id);
    }

    private SyncAccount require(String id) {
        return find(id).orElseThrow(() -> new EntryNotFound(id));
    }

    private Caller reader() {
        Caller caller = callers.current();
        AccessControl.requireMember(caller, BuiltinGroup.IDM_ADMINS, "sync accounts");
        return caller;
    }

    private Caller admin() {
        Caller caller = reader();
        AccessControl.requireReadWrite(caller);
        return caller;
    }
}
