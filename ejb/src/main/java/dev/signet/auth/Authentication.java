package dev.signet.auth;

import jakarta.annotation.security.PermitAll;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
import dev.signet.audit.ClientOrigin;
import dev.signet.credential.AccountPolicies;
import dev.signet.credential.BackupCodes;
import dev.signet.credential.CredentialType;
import dev.signet.credential.PasskeyAssertion;
import dev.signet.credential.Passkeys;
import dev.signet.credential.Passwords;
import dev.signet.credential.Totps;
import dev.signet.entry.EntryLookup;
import dev.signet.fault.InvalidInput;
import dev.signet.fault.NotAuthenticated;
import dev.signet.fault.TooManyRequests;
import dev.signet.model.Account;
import dev.signet.model.Entry;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The step protocol of {@code POST /v1/auth}: init with a name, begin a mechanism, present the
 * credential. Unknown, locked and expired accounts and wrong passwords all end in the same
 * denial after the same work; the audit trail records the real reason.
 */
// access is decided in code (AccessControl), per entry and attribute, not by container roles
@PermitAll
@Stateless
public class Authentication {
    public static final String PASSWORD = "password";
    public static final String PASSWORD_MFA = "passwordmfa";
    public static final String TOTP = "totp";
    public static final String BACKUP_CODE = "backup_code";
    public static final String PASSKEY = "passkey";
    /** What every client is told when authentication fails, whatever the reason. */
    public static final String DENIED = "authentication denied";
    static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);
    /** What an account can be named by (a name, or an spn or mail-like form): the auth session column holds 320. */
    static final int MAX_NAME_LENGTH = 320;

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private EntryLookup lookup;
    @EJB
    private Tokens tokens;
    @EJB
    private Audit audit;
    @EJB
    private Passwords passwords;
    @EJB
    private Lockout lockout;
    @EJB
    private SourceRateLimit rateLimit;
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

    /** A login whose session is read-only (the default, as in Kanidm). */
    public AuthOutcome init(String name) {
        return init(name, false);
    }

    /** Kanidm's init2: {@code privileged=true} asks for a session that starts read-write for a short window. */
    public AuthOutcome init(String name, boolean privileged) {
        rateLimit.acquire(source());
        if (name == null || name.isBlank()) {
            throw new InvalidInput("init", "init needs an account name");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            // said of the text alone, before any lookup: it tells nothing about which accounts exist
            throw new InvalidInput("init", "the account name is too long (at most " + MAX_NAME_LENGTH + " characters)");
        }
        Optional<Entry> entry = lookup.live(name);
        Account found = entry.filter(Account.class::isInstance).map(Account.class::cast).orElse(null);
        AuthSession session = new AuthSession(UUID.randomUUID(), name.trim(), found == null ? null : found.uuid(),
                Instant.now().plus(STEP_TIMEOUT));
        if (privileged) {
            session.withPrivileges();
        }
        em.persist(session);
        return AuthOutcome.choose(session.id(), mechanismsFor(found));
    }

    /**
     * {@code POST /v1/reauth}: the holder of a valid token proves a credential again, through the
     * same begin/cred steps, and its session becomes read-write for another window.
     */
    public AuthOutcome reauth(String bearer) {
        rateLimit.acquire(source());
        VerifiedToken token = tokens.verify(bearer).orElseThrow(() -> new NotAuthenticated("reauthentication needs a valid bearer token"));
        Account account = em.find(Account.class, token.account());
        AuthSession session = new AuthSession(UUID.randomUUID(), account.name(), account.uuid(), Instant.now().plus(STEP_TIMEOUT));
        session.reauthenticates(token.session());
        em.persist(session);
        return AuthOutcome.choose(session.id(), mechanismsFor(account));
    }

    /**
     * With a TOTP authenticator, the password alone is no longer enough (as in Kanidm); with a
     * passkey, the passkey alone is offered too (it proves possession and user verification).
     */
    private List<String> mechanismsFor(Account account) {
        String password = account != null && totps.enrolled(account) ? PASSWORD_MFA : PASSWORD;
        return account != null && passkeys.any(account) ? List.of(password, PASSKEY) : List.of(password);
    }

    public AuthOutcome begin(UUID sessionId, String mechanism) {
        AuthSession session = live(sessionId);
        if (session == null) {
            return AuthOutcome.denied(sessionId, "authentication session expired or unknown; start again with init");
        }
        Account account = session.account() == null ? null : em.find(Account.class, session.account());
        List<String> offered = mechanismsFor(account);
        if (!offered.contains(mechanism)) {
            throw new InvalidInput("begin", "unsupported mechanism: " + mechanism + " (offered: " + String.join(", ", offered) + ")");
        }
        session.begin(mechanism);
        if (PASSKEY.equals(mechanism)) {
            return AuthOutcome.proceed(sessionId, passkeys.beginAssertion(account, sessionId));
        }
        return AuthOutcome.proceed(sessionId, PASSWORD_MFA.equals(mechanism) ? List.of(TOTP, BACKUP_CODE) : List.of(PASSWORD));
    }

    /** The passkey mechanism's one credential step: an assertion over the challenge from begin. */
    public AuthOutcome passkey(UUID sessionId, PasskeyAssertion assertion) {
        AuthSession session = live(sessionId);
        if (session == null) {
            return AuthOutcome.denied(sessionId, "authentication session expired or unknown; start again with init");
        }
        if (!PASSKEY.equals(session.mechanism())) {
            throw new InvalidInput("cred", "begin the passkey mechanism first");
        }
        em.remove(session);
        Account account = session.account() == null ? null : em.find(Account.class, session.account());
        Instant now = Instant.now();
        String lockoutKey = Lockout.key(account, session.name());
        refuseWhileLockedOut(session, account, lockoutKey, now);
        boolean proved = account != null && passkeys.verifyAssertion(account, sessionId, assertion);
        String refusal = !proved ? "passkey assertion does not verify"
                : !account.mayAuthenticate(now) ? "account locked or outside its validity period"
                : policyRefusal(account, CredentialType.PASSKEY);
        return conclude(session, account, refusal, !proved, lockoutKey, now);
    }

    /**
     * The last step of every mechanism: a refusal is audited with its real reason (a wrong
     * credential also counts toward lockout) and answered with the one denial everybody gets; a
     * success clears the failures and issues the token, or re-privileges the reauthenticated session.
     */
    private AuthOutcome conclude(AuthSession session, Account account, String refusal, boolean wrongCredential,
                                 String lockoutKey, Instant now) {
        if (refusal != null) {
            UUID target = account == null ? null : account.uuid();
            audit.failure("auth.failure", Caller.ANONYMOUS, target, session.name(), refusal);
            if (wrongCredential && lockout.failed(lockoutKey, now)) {
                audit.failure("auth.lockout", Caller.ANONYMOUS, target, session.name(),
                        "soft-locked after " + Lockout.attempts() + " failed attempts");
            }
            return AuthOutcome.denied(session.id(), DENIED);
        }
        lockout.succeeded(lockoutKey);
        String token = session.reauthOf() != null
                ? tokens.elevate(new Authenticated(account, session.mechanism()), session.reauthOf())
                : tokens.issue(new Authenticated(account, session.mechanism()), source(), session.privileged());
        audit.success(session.reauthOf() != null ? "auth.reauth" : "auth.success", Callers.of(account), account, session.mechanism());
        return AuthOutcome.success(session.id(), token);
    }

    /**
     * A soft-locked name (too many failures) gets 429 before any credential is checked: the same
     * for an account and for a name that matches none, so it reveals nothing about existence.
     */
    private void refuseWhileLockedOut(AuthSession session, Account account, String lockoutKey, Instant now) {
        Optional<Instant> until = lockout.lockedUntil(lockoutKey, now);
        if (until.isPresent()) {
            audit.failure("auth.failure", Caller.ANONYMOUS, account == null ? null : account.uuid(), session.name(),
                    "too many failed attempts (soft lock)");
            throw new TooManyRequests("locked after too many failed attempts; try again later", Duration.between(now, until.get()));
        }
    }

    /** Why the account's policy refuses a login proved with {@code used}, or null when it accepts it. */
    private String policyRefusal(Account account, CredentialType used) {
        CredentialType minimum = policies.of(account).credentialTypeMinimum();
        return minimum.satisfiedBy(used) ? null : "account policy requires credential type " + minimum.attributeValue();
    }

    /** The first step of passwordmfa: a TOTP code, or a backup code in its place. */
    public AuthOutcome secondFactor(UUID sessionId, String kind, String code) {
        AuthSession session = live(sessionId);
        if (session == null) {
            return AuthOutcome.denied(sessionId, "authentication session expired or unknown; start again with init");
        }
        if (!PASSWORD_MFA.equals(session.mechanism()) || session.secondFactor()) {
            throw new InvalidInput("cred", "begin the passwordmfa mechanism first; then " + TOTP + " or " + BACKUP_CODE + ", then password");
        }
        Account account = session.account() == null ? null : em.find(Account.class, session.account());
        Instant now = Instant.now();
        String lockoutKey = Lockout.key(account, session.name());
        refuseWhileLockedOut(session, account, lockoutKey, now);
        boolean proved = account != null && (TOTP.equals(kind) ? totps.check(account, code) : backupCodes.use(account, code));
        if (!proved) {
            em.remove(session);
            audit.failure("auth.failure", Caller.ANONYMOUS, account == null ? null : account.uuid(), session.name(), "wrong " + kind);
            if (lockout.failed(lockoutKey, now)) {
                audit.failure("auth.lockout", Caller.ANONYMOUS, account == null ? null : account.uuid(), session.name(),
                        "soft-locked after " + Lockout.attempts() + " failed attempts");
            }
            return AuthOutcome.denied(sessionId, DENIED);
        }
        if (BACKUP_CODE.equals(kind)) {
            audit.success("credential.backup_code.use", Callers.of(account), account, null);
        }
        session.secondFactorProved();
        return AuthOutcome.proceed(sessionId, List.of(PASSWORD));
    }

    public AuthOutcome password(UUID sessionId, char[] password) {
        AuthSession session = live(sessionId);
        if (session == null) {
            return AuthOutcome.denied(sessionId, "authentication session expired or unknown; start again with init");
        }
        boolean mfa = PASSWORD_MFA.equals(session.mechanism());
        if (!PASSWORD.equals(session.mechanism()) && !mfa) {
            throw new InvalidInput("cred", "begin the password mechanism first");
        }
        if (mfa && !session.secondFactor()) {
            throw new InvalidInput("cred", "passwordmfa needs the " + TOTP + " or " + BACKUP_CODE + " step before the password");
        }
        em.remove(session);
        Account account = session.account() == null ? null : em.find(Account.class, session.account());
        Instant now = Instant.now();
        String lockoutKey = Lockout.key(account, session.name());
        refuseWhileLockedOut(session, account, lockoutKey, now);
        // the hash is always checked, so a hard-locked, expired or unknown account costs the same time
        boolean matches = passwords.matches(account, password);
        String refusal = account == null ? "no such account"
                : account.passwordHash().isEmpty() ? "account has no password"
                : !matches ? "wrong password"
                : account.locked() ? "account locked"
                : !account.mayAuthenticate(now) ? "account outside its validity period"
                : policyRefusal(account, mfa ? CredentialType.MFA : CredentialType.ANY);
        return conclude(session, account, refusal, !matches, lockoutKey, now);
    }

    private AuthSession live(UUID sessionId) {
        AuthSession session = sessionId == null ? null : em.find(AuthSession.class, sessionId);
        if (session != null && session.expiredAt(Instant.now())) {
            em.remove(session);
            return null;
        }
        return session;
    }

    private String source() {
        return ClientOrigin.addressOf(origin);
    }
}
