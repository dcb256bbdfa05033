package dev.signet.credential;

import dev.signet.audit.AuditType;
import dev.signet.entry.EntryWrite;
import dev.signet.entry.SyncOwnerDecides;
import dev.signet.entry.WritePath;
import dev.signet.access.AccessControl;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
import dev.signet.entry.EntryLookup;
import dev.signet.fault.InvalidInput;
import dev.signet.fault.PolicyViolation;
import dev.signet.model.Account;
import dev.signet.model.Entry;
import dev.signet.model.EntryKind;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An account's password: setting it (by itself or an admin of it, against the effective policy
 * and the account's history), importing a hash from another directory, and checking it at login,
 * where an old-cost or imported hash is upgraded to the current Argon2id cost.
 */
@PermitAll
@Stateless
public class Passwords {
    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private WritePath writePath;
    @EJB
    private Callers callers;
    @EJB
    private EntryLookup lookup;
    @EJB
    private Audit audit;
    @EJB
    private HashCostCalibration calibration;
    @EJB
    private AccountPolicies policies;
    @EJB
    private RadiusSecrets radiusSecrets;

    public void set(EntryKind kind, String id, char[] password) {
        Caller caller = callers.current();
        Account account = account(caller, kind, id);
        AccessControl.requireSetPassword(caller, account);
        writePath.write(EntryWrite.guarded(account, SyncOwnerDecides.PASSWORD));
        if (password == null) {
            throw new InvalidInput("password", "password is required");
        }
        PasswordPolicy policy = policyFor(account);
        List<String> failures = new ArrayList<>(policy.failures(password, account.name()));
        if (policy.history() > 0 && reused(account, password, policy.history())) {
            failures.add("must not be one of the last " + policy.history() + " passwords of this account");
        }
        if (radiusSecrets.containedIn(account, password)) {
            failures.add("must not contain the account's RADIUS secret");
        }
        if (!failures.isEmpty()) {
            audit.failure(AuditType.CREDENTIAL_PASSWORD_SET, caller, account.uuid(), account.name(), "policy: " + String.join("; ", failures));
            throw new PolicyViolation("password", failures);
        }
        replace(account, PasswordHash.hash(password, calibration.current()), policy.history());
        audit.success(AuditType.CREDENTIAL_PASSWORD_SET, caller, account, caller.is(account.uuid()) ? "self" : "by admin");
    }

    /** Stores a hash exported from another directory; it is replaced by Argon2id at first login. */
    public void importHash(EntryKind kind, String id, String hash) {
        Caller caller = callers.current();
        Account account = account(caller, kind, id);
        AccessControl.requireAdminister(caller, account, "import a password hash for");
        if (ImportedPasswordHash.of(hash).isEmpty()) {
            throw new InvalidInput("hash", "not a supported password hash: {SSHA}, {SSHA256}, {SSHA512}, {PBKDF2-SHA256} or bcrypt");
        }
        replace(account, hash.trim(), policyFor(account).history());
        audit.success(AuditType.CREDENTIAL_PASSWORD_IMPORT, caller, account, ImportedPasswordHash.of(hash).get().name());
    }

    /**
     * A hash the account's sync source holds, for an account that sync owns: no caller checks (the
     * sync service authenticated the source). Unsupported hash schemes are left out and said so.
     */
    public boolean importSynced(Account account, String hash) {
        if (ImportedPasswordHash.of(hash).isEmpty()) {
            return false;
        }
        if (!hash.trim().equals(account.passwordHash().orElse(null))) {
            replace(account, hash.trim(), policyFor(account).history());
        }
        return true;
    }

    /**
     * Stores the Argon2id hash a successful check made for an old-cost or imported hash, unless the
     * account's password changed since {@code checked} was read.
     */
    public void upgrade(Account account, String checked, PasswordCheck check) {
        if (account == null || !check.matches() || check.upgradedHash() == null
                || !account.passwordHash().filter(h -> h.equals(checked)).isPresent()) {
            return;
        }
        account.setPasswordHash(check.upgradedHash());
        audit.success(AuditType.CREDENTIAL_PASSWORD_REHASH, Callers.of(account), account, check.upgradeReason());
    }

    /** Built-in defaults (16 characters for privileged accounts), tightened by every group's account policy. */
    public PasswordPolicy policyFor(Account account) {
        return policies.of(account).password();
    }

    private Account account(Caller caller, EntryKind kind, String id) {
        Entry entry = lookup.require(kind, id);
        AccessControl.requireVisible(caller, entry, id);
        if (!(entry instanceof Account account)) {
            throw new InvalidInput("id", "only accounts have passwords");
        }
        return account;
    }

    private boolean reused(Account account, char[] password, int history) {
        if (account.passwordHash().filter(h -> verifiesAnyScheme(password, h)).isPresent()) {
            return true;
        }
        return recent(account, history - 1).stream().anyMatch(h -> verifiesAnyScheme(password, h.hash()));
    }

    private static boolean verifiesAnyScheme(char[] password, String hash) {
        return PasswordHash.isArgon2(hash) ? PasswordHash.verify(password, hash)
                : ImportedPasswordHash.of(hash).map(s -> s.verify(password, hash)).orElse(false);
    }

    /** Sets the new hash; the old one joins the history, which keeps the last {@code history} - 1 old ones. */
    private void replace(Account account, String newHash, int history) {
        Instant now = Instant.now();
        Optional<String> old = account.passwordHash();
        account.setPasswordHash(newHash);
        account.touch(now);
        if (old.isEmpty()) {
            // a first password (or a first import: 100k in one sync run) has no history to keep or trim
            return;
        }
        em.persist(new PasswordHistory(account.uuid(), old.get(), now));
        em.flush();
        List<Long> kept = recent(account, history - 1).stream().map(PasswordHistory::id).toList();
        if (kept.isEmpty()) {
            em.createQuery("delete from PasswordHistory h where h.account = :account")
                    .setParameter("account", account.uuid()).executeUpdate();
        } else {
            em.createQuery("delete from PasswordHistory h where h.account = :account and h.id not in :kept")
                    .setParameter("account", account.uuid()).setParameter("kept", kept).executeUpdate();
        }
    }

    private List<PasswordHistory> recent(Account account, int count) {
        if (count <= 0) {
            return List.of();
        }
        return em.createQuery("select h from PasswordHistory h where h.account = :account order by h.replacedAt desc, h.id desc",
                        PasswordHistory.class)
                .setParameter("account", account.uuid()).setMaxResults(count).getResultList();
    }
}
