package dev.signet.auth;

import dev.signet.audit.AuditType;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
import dev.signet.audit.ClientOrigin;
import dev.signet.credential.AccountPolicies;
import dev.signet.credential.BackupCodes;
import dev.signet.model.CredentialType;
import dev.signet.credential.PasskeyAssertion;
import dev.signet.credential.Passkeys;
import dev.signet.credential.PasswordCheck;
import dev.signet.credential.Passwords;
import dev.signet.credential.Totps;
import dev.signet.fault.InvalidInput;
import dev.signet.model.Account;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The two short transactions of a credential step, between which {@link Authentication} checks
 * the credential holding no transaction: {@code take} consumes the authentication session and
 * reserves the attempt against the lockout limit; {@code conclude} records the outcome. Each holds
 * one pooled connection for a few queries, never across an Argon2id computation, and writes its
 * failure rows in its own transaction, which commits (a denial is a normal answer).
 */
@PermitAll
@Stateless
public class CredentialAttempts {
    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private Tokens tokens;
    @EJB
    private Audit audit;
    @EJB
    private Passwords passwords;
    @EJB
    private Lockout lockout;
    @EJB
    private Totps totps;
    @EJB
    private BackupCodes backupCodes;
    @EJB
    private Passkeys passkeys;
    @EJB
    private AccountPolicies policies;
    @Inject
    private Instance<ClientOrigin> origin;

    /**
     * A credential step taken from its authentication session, its attempt reserved, its
     * credential not yet checked. The session is detached (consumed, for a last step).
     */
    public static final class Attempt {
        private final AuthSession session;
        private final String storedHash;
        private final Lockout.Reservation reservation;

        Attempt(AuthSession session, String storedHash, Lockout.Reservation reservation) {
            this.session = session;
            this.storedHash = storedHash;
            this.reservation = reservation;
        }

        AuthSession session() {
            return session;
        }

        /** The account's password hash when the attempt was taken; null for none or no account. */
        String storedHash() {
            return storedHash;
        }

        Lockout.Reservation reservation() {
            return reservation;
        }

        @Override
        public String toString() {
            return "attempt of session " + session.id(); // never the stored hash
        }
    }

    /** The password step (of password, or of passwordmfa after its second factor); null for an expired or unknown session. */
    public Attempt takePassword(UUID sessionId) {
        AuthSession session = live(sessionId);
        if (session == null) {
            return null;
        }
        boolean mfa = session.mechanism() == Mechanism.PASSWORD_MFA;
        if (session.mechanism() != Mechanism.PASSWORD && !mfa) {
            throw new InvalidInput("cred", "begin the password mechanism first");
        }
        if (mfa && !session.secondFactor()) {
            throw new InvalidInput("cred", "passwordmfa needs the " + Authentication.TOTP + " or " + Authentication.BACKUP_CODE
                    + " step before the password");
        }
        if (!consume(session)) {
            return null;
        }
        Account account = account(session);
        return reserve(session, account, account == null ? null : account.passwordHash().orElse(null));
    }

    /** The passkey mechanism's one step; null for an expired or unknown session. */
    public Attempt takePasskey(UUID sessionId) {
        AuthSession session = live(sessionId);
        if (session == null) {
            return null;
        }
        if (session.mechanism() != Mechanism.PASSKEY) {
            throw new InvalidInput("cred", "begin the passkey mechanism first");
        }
        return consume(session) ? reserve(session, account(session), null) : null;
    }

    /** The first step of passwordmfa (the session lives on if it proves); null for an expired or unknown session. */
    public Attempt takeSecondFactor(UUID sessionId) {
        AuthSession session = live(sessionId);
        if (session == null) {
            return null;
        }
        if (session.mechanism() != Mechanism.PASSWORD_MFA || session.secondFactor()) {
            throw new InvalidInput("cred", "begin the passwordmfa mechanism first; then " + Authentication.TOTP + " or "
                    + Authentication.BACKUP_CODE + ", then password");
        }
        em.detach(session);
        return reserve(session, account(session), null);
    }

    /**
     * Counts the attempt before anything is checked. A key locked already is refused here: the
     * refusal is audited in this transaction, which commits, and the caller answers 429.
     */
    private Attempt reserve(AuthSession session, Account account, String storedHash) {
        Lockout.Reservation reservation = lockout.reserve(Lockout.key(account, session.name()), Instant.now());
        if (reservation.refused()) {
            audit.failureInTransaction(AuditType.AUTH_FAILURE, Caller.ANONYMOUS, account == null ? null : account.uuid(), session.name(),
                    "too many failed attempts (soft lock)");
        }
        return new Attempt(session, storedHash, reservation);
    }

    /** The password step's outcome, once {@code check} was made against the attempt's stored hash. */
    public AuthOutcome concludePassword(Attempt attempt, PasswordCheck check) {
        AuthSession session = attempt.session();
        Account account = account(session);
        Instant now = Instant.now();
        passwords.upgrade(account, attempt.storedHash(), check);
        boolean mfa = session.mechanism() == Mechanism.PASSWORD_MFA;
        String refusal = account == null ? "no such account"
                : attempt.storedHash() == null ? "account has no password"
                : !check.matches() ? "wrong password"
                : account.locked() ? "account locked"
                : !account.mayAuthenticate(now) ? "account outside its validity period"
                : policyRefusal(account, mfa ? CredentialType.MFA : CredentialType.ANY);
        return conclude(attempt, account, refusal, !check.matches());
    }

    /** The passkey step's outcome: the assertion is checked here (a signature, not a slow hash). */
    public AuthOutcome concludePasskey(Attempt attempt, PasskeyAssertion assertion) {
        AuthSession session = attempt.session();
        Account account = account(session);
        boolean proved = account != null && passkeys.verifyAssertion(account, session.id(), assertion);
        String refusal = !proved ? "passkey assertion does not verify"
                : !account.mayAuthenticate(Instant.now()) ? "account locked or outside its validity period"
                : policyRefusal(account, CredentialType.PASSKEY);
        return conclude(attempt, account, refusal, !proved);
    }

    /** The second factor's outcome: a proved code moves the session on to the password. */
    public AuthOutcome concludeSecondFactor(Attempt attempt, String kind, String code) {
        AuthSession session = attempt.session();
        Account account = account(session);
        boolean proved = account != null
                && (Authentication.TOTP.equals(kind) ? totps.check(account, code) : backupCodes.use(account, code));
        if (!proved) {
            consume(session);
            audit.failureInTransaction(AuditType.AUTH_FAILURE, Caller.ANONYMOUS, account == null ? null : account.uuid(), session.name(),
                    "wrong " + kind);
            lockedBy(attempt, account);
            return AuthOutcome.denied(session.id(), Authentication.DENIED);
        }
        AuthSession live = em.find(AuthSession.class, session.id());
        if (live == null) {
            // a concurrent step on the same session ended it: this code proved right, so its attempt is given back
            lockout.giveBack(attempt.reservation());
            return AuthOutcome.denied(session.id(), "authentication session expired or unknown; start again with init");
        }
        lockout.giveBack(attempt.reservation());
        if (Authentication.BACKUP_CODE.equals(kind)) {
            audit.success(AuditType.CREDENTIAL_BACKUP_CODE_USE, Callers.of(account), account, null);
        }
        live.secondFactorProved();
        return AuthOutcome.proceed(session.id(), List.of(Authentication.PASSWORD));
    }

    /**
     * The last step of every mechanism: a refusal is audited with its real reason and answered
     * with the one denial everybody gets, and stays counted whatever the credential was; a
     * success clears the failures and issues the token, or
     * re-privileges the reauthenticated session.
     */
    private AuthOutcome conclude(Attempt attempt, Account account, String refusal, boolean wrongCredential) {
        AuthSession session = attempt.session();
        if (refusal != null) {
            audit.failureInTransaction(AuditType.AUTH_FAILURE, Caller.ANONYMOUS, account == null ? null : account.uuid(), session.name(), refusal);
            // a refused final step stays counted even when its credential was right: were it given
            // back, the lockout counter would confirm a guessed password that a policy, a lock or
            // the validity period refused (five binds over LDAP, then one REST step that is or is
            // not told "locked")
            lockedBy(attempt, account);
            return AuthOutcome.denied(session.id(), Authentication.DENIED);
        }
        lockout.succeeded(attempt.reservation().key());
        String token = session.reauthOf() != null
                ? tokens.elevate(new Authenticated(account, session.mechanism()), session.reauthOf())
                : tokens.issue(new Authenticated(account, session.mechanism()), ClientOrigin.addressOf(origin), session.privileged());
        audit.success(session.reauthOf() != null ? AuditType.AUTH_REAUTH : AuditType.AUTH_SUCCESS, Callers.of(account), account, session.mechanism().wire());
        return AuthOutcome.success(session.id(), token);
    }

    /** Audits the lock when this failed attempt was the one that reached the limit. */
    private void lockedBy(Attempt attempt, Account account) {
        if (attempt.reservation().locks()) {
            audit.failureInTransaction(AuditType.AUTH_LOCKOUT, Caller.ANONYMOUS, account == null ? null : account.uuid(),
                    attempt.session().name(), "soft-locked after " + Lockout.attempts() + " failed attempts");
        }
    }

    /** Why the account's policy refuses a login proved with {@code used}, or null when it accepts it. */
    private String policyRefusal(Account account, CredentialType used) {
        return policies.of(account).refusalOf(used);
    }

    private Account account(AuthSession session) {
        return session.account() == null ? null : em.find(Account.class, session.account());
    }

    private AuthSession live(UUID sessionId) {
        AuthSession session = sessionId == null ? null : em.find(AuthSession.class, sessionId);
        if (session != null && session.expiredAt(Instant.now())) {
            em.remove(session);
            return null;
        }
        return session;
    }

    /**
     * Deletes the session, whose last step this is; false when a concurrent step on the same
     * session deleted it first (the database's row lock decides), so each session is used once.
     */
    private boolean consume(AuthSession session) {
        if (em.contains(session)) {
            em.detach(session);
        }
        return em.createQuery("delete from AuthSession s where s.id = :id").setParameter("id", session.id()).executeUpdate() == 1;
    }
}
