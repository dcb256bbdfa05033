package dev.signet.auth;

import dev.signet.audit.ClientOrigin;
import dev.signet.credential.PasskeyAssertion;
import dev.signet.credential.Passkeys;
import dev.signet.credential.PasswordCheck;
import dev.signet.credential.PasswordChecks;
import dev.signet.credential.Totps;
import dev.signet.entry.EntryLookup;
import dev.signet.fault.InvalidInput;
import dev.signet.fault.NotAuthenticated;
import dev.signet.fault.TooManyRequests;
import dev.signet.model.Account;
import dev.signet.model.Entry;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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
 * credential. A name that matches no account is answered like a plausible account; unknown,
 * locked and expired accounts and wrong passwords all end in the same denial after the same work
 * (one Argon2id computation for a password, whatever the account stores); the audit trail records
 * the real reason. Each attempt counts against the lockout limit before its credential is checked.
 */
@PermitAll
@Stateless
public class Authentication {
    /* The credential steps a mechanism continues with, as POST /v1/auth names them. */
    public static final String PASSWORD = "password";
    public static final String TOTP = "totp";
    public static final String BACKUP_CODE = "backup_code";
    public static final String PASSKEY = "passkey";
    /** What every client is told when authentication fails, whatever the reason. */
    public static final String DENIED = "authentication denied";
    static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);
    /** Made on first use: the key-encryption key may only be read once the data directory exists. */
    private static volatile Decoys decoys;
    /** What an account can be named by (a name, or an spn or mail-like form): the auth session column holds 320. */
    static final int MAX_NAME_LENGTH = 320;

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private EntryLookup lookup;
    @EJB
    private Tokens tokens;
    @EJB
    private CredentialAttempts attempts;
    @EJB
    private PasswordChecks checks;
    @EJB
    private Lockout lockout;
    @EJB
    private SourceRateLimit rateLimit;
    @EJB
    private Totps totps;
    @EJB
    private Passkeys passkeys;
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
        // one name however it is spelled ("x", " X ", "x@domain"), found or not: the decoy and the
        // lockout count of a name without an account must not differ between its spellings
        String canonical = found != null ? found.name() : lookup.canonical(name);
        AuthSession session = new AuthSession(UUID.randomUUID(), canonical, found == null ? null : found.uuid(),
                Instant.now().plus(STEP_TIMEOUT));
        if (privileged) {
            session.withPrivileges();
        }
        em.persist(session);
        return AuthOutcome.choose(session.id(), mechanismsFor(found, canonical));
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
        return AuthOutcome.choose(session.id(), mechanismsFor(account, account.name()));
    }

    /**
     * With a TOTP authenticator, the password alone is no longer enough (as in Kanidm); with a
     * passkey, the passkey alone is offered too (it proves possession and user verification). A
     * name that matches no account is answered like a plausible account (its {@link Decoys decoy}),
     * so the answer does not tell which names exist.
     */
    private List<Mechanism> mechanismsFor(Account account, String name) {
        Decoys.Decoy decoy = account == null ? decoys().of(name) : null;
        boolean totp = decoy != null ? decoy.totp() : totps.enrolled(account);
        boolean passkey = decoy != null ? decoy.passkey() : passkeys.any(account);
        Mechanism password = totp ? Mechanism.PASSWORD_MFA : Mechanism.PASSWORD;
        return passkey ? List.of(password, Mechanism.PASSKEY) : List.of(password);
    }

    private static Decoys decoys() {
        Decoys current = decoys;
        if (current == null) {
            current = Decoys.ofInstallation();
            decoys = current;
        }
        return current;
    }

    /** {@code begin}: the client names one of the mechanisms {@code init} offered. */
    public AuthOutcome begin(UUID sessionId, String name) {
        AuthSession session = live(sessionId);
        if (session == null) {
            return expired(sessionId);
        }
        Account account = session.account() == null ? null : em.find(Account.class, session.account());
        List<Mechanism> offered = mechanismsFor(account, session.name());
        Mechanism mechanism = Mechanism.of(name).filter(offered::contains).orElseThrow(() -> new InvalidInput("begin",
                "unsupported mechanism: " + name + " (offered: " + String.join(", ", offered.stream().map(Mechanism::wire).toList()) + ")"));
        session.begin(mechanism);
        if (mechanism == Mechanism.PASSKEY) {
            return AuthOutcome.proceed(sessionId, account != null ? passkeys.beginAssertion(account, sessionId)
                    : passkeys.beginDecoyAssertion(sessionId, decoys().of(session.name()).credentialIds()));
        }
        return AuthOutcome.proceed(sessionId, mechanism == Mechanism.PASSWORD_MFA ? List.of(TOTP, BACKUP_CODE) : List.of(PASSWORD));
    }

    /*
     * The credential steps hold no transaction of their own: CredentialAttempts takes the attempt
     * in one short transaction and concludes it in another, and the credential is checked between
     * them, so no pooled connection is held while an Argon2id hash is computed and no step ever
     * needs two connections at once.
     */

    /** The passkey mechanism's one credential step: an assertion over the challenge from begin. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuthOutcome passkey(UUID sessionId, PasskeyAssertion assertion) {
        CredentialAttempts.Attempt attempt = attempts.takePasskey(sessionId);
        if (attempt == null) {
            return expired(sessionId);
        }
        refuseWhileLockedOut(attempt);
        return attempts.concludePasskey(attempt, assertion);
    }

    /** The first step of passwordmfa: a TOTP code, or a backup code in its place. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuthOutcome secondFactor(UUID sessionId, String kind, String code) {
        CredentialAttempts.Attempt attempt = attempts.takeSecondFactor(sessionId);
        if (attempt == null) {
            return expired(sessionId);
        }
        refuseWhileLockedOut(attempt);
        return attempts.concludeSecondFactor(attempt, kind, code);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuthOutcome password(UUID sessionId, char[] password) {
        CredentialAttempts.Attempt attempt = attempts.takePassword(sessionId);
        if (attempt == null) {
            return expired(sessionId);
        }
        refuseWhileLockedOut(attempt);
        PasswordCheck check;
        try {
            // always a check, so a hard-locked, expired or unknown account costs the same time
            check = checks.check(attempt.storedHash(), password);
        } catch (TooManyRequests busy) {
            lockout.giveBack(attempt.reservation()); // never checked, so not counted
            // the step took its session when it began: a retry starts over from init
            throw new TooManyRequests("too many password checks at once; start the login again (init) in a moment", busy.retryAfter());
        }
        return attempts.concludePassword(attempt, check);
    }

    /**
     * A soft-locked name (too many failures) gets 429 before any credential is checked: the same
     * for an account and for a name that matches none, so it reveals nothing about existence (and,
     * told by its status, needs no hash to look like a check). The refusal was audited when the
     * attempt was taken.
     */
    private static void refuseWhileLockedOut(CredentialAttempts.Attempt attempt) {
        if (attempt.reservation().refused()) {
            throw new TooManyRequests("locked after too many failed attempts; try again later", attempt.reservation().retryAfter());
        }
    }

    private static AuthOutcome expired(UUID sessionId) {
        return AuthOutcome.denied(sessionId, "authentication session expired or unknown; start again with init");
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
