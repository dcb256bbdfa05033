package dev.signet.directory;

import dev.signet.audit.AuditType;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
import dev.signet.auth.Lockout;
import dev.signet.auth.Tokens;
import dev.signet.auth.VerifiedToken;
import dev.signet.credential.AccountPolicies;
import dev.signet.model.CredentialType;
import dev.signet.credential.PasswordCheck;
import dev.signet.credential.Passwords;
import dev.signet.entry.EntryLookup;
import dev.signet.model.Account;
import dev.signet.model.ServiceAccount;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The parts of an LDAP password bind that read or write the database, each its own short
 * transaction: {@link Directory#bind} runs outside any, so no pooled connection waits while the
 * password is hashed (a crowd of binds would otherwise hold the pool that every login needs).
 */
// access checked: Directory calls these for the connection it serves
@PermitAll
@Stateless
public class BindSteps {
    /** What a bind checks against: the account (null for none), its stored hash, its lockout key. */
    public record Target(UUID account, String storedHash, String lockoutKey) {
    }

    /** The account a bind bound. */
    public record Bound(UUID uuid, String name) {
    }

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private EntryLookup lookup;
    @EJB
    private Passwords passwords;
    @EJB
    private AccountPolicies policies;
    @EJB
    private Audit audit;
    @EJB
    private Tokens tokens;

    /** The account a bind name names, if any; an unknown name is counted under its own lockout key. */
    public Target target(String accountName, String boundName) {
        Account account = accountName == null ? null
                : lookup.live(accountName).filter(Account.class::isInstance).map(Account.class::cast).orElse(null);
        return new Target(account == null ? null : account.uuid(), account == null ? null : account.passwordHash().orElse(null),
                Lockout.key(account, lookup.canonical(accountName == null ? boundName : accountName)));
    }

    /**
     * The bind's end once its password was checked: null when it succeeds (the hash upgraded if
     * due, the success audited), otherwise why it is refused (audited here, in this transaction).
     */
    public String conclude(Target target, String boundName, String from, PasswordCheck check, Instant now) {
        Account account = target.account() == null ? null : em.find(Account.class, target.account());
        // a bind proves a password and nothing more; accounts held to mfa or passkey bind as service accounts with API tokens
        String refusal = account == null || !check.matches() ? "wrong password or no such account"
                : !account.mayAuthenticate(now) ? "account locked or outside its validity period"
                : policies.of(account).refusalOf(CredentialType.ANY);
        if (refusal != null) {
            audit.failureInTransaction(AuditType.LDAP_BIND, Caller.ANONYMOUS, target.account(), boundName,
                    check.matches() ? refusal + " (an LDAP bind proves a password only)" : refusal);
            return refusal;
        }
        passwords.upgrade(account, target.storedHash(), check);
        audit.success(AuditType.LDAP_BIND, Callers.of(account), account, "password from " + from);
        return null;
    }

    /** A bind refused before its password was checked (a soft lock), audited. */
    public void refusedLocked(Target target, String boundName) {
        audit.failureInTransaction(AuditType.LDAP_BIND, Caller.ANONYMOUS, target.account(), boundName, "too many failed attempts (soft lock)");
    }

    /** The lock a failed bind started, audited. */
    public void locked(Target target, String boundName) {
        audit.failureInTransaction(AuditType.AUTH_LOCKOUT, Caller.ANONYMOUS, target.account(), boundName, "soft-locked after repeated failed LDAP binds");
    }

    /**
     * A bind with a service account's API token (no hash to wait for): the account it binds, or
     * empty when refused (audited either way). {@code anyName}: bound as {@code dn=token}.
     */
    public Optional<Bound> tokenBind(String from, String boundName, boolean anyName, Optional<String> named, char[] token, Instant now) {
        Optional<VerifiedToken> verified = tokens.verify(new String(token));
        Account account = verified.map(v -> em.find(Account.class, v.account())).orElse(null);
        boolean matches = anyName || account != null && named.filter(account.name()::equals).isPresent();
        if (!(account instanceof ServiceAccount) || !matches || !account.mayAuthenticate(now)) {
            audit.failureInTransaction(AuditType.LDAP_BIND, Caller.ANONYMOUS, account == null ? null : account.uuid(), boundName, "API token refused");
            return Optional.empty();
        }
        audit.success(AuditType.LDAP_BIND, Callers.of(account), account, "API token from " + from);
        return Optional.of(new Bound(account.uuid(), account.name()));
    }

    /** The name of the account a successful bind bound. */
    public String nameOf(UUID account) {
        return em.find(Account.class, account).name();
    }
}
