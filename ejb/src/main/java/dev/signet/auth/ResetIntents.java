package dev.signet.auth;

import dev.signet.audit.AuditType;
import dev.signet.secret.RandomTokens;
import dev.signet.access.AccessControl;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
import dev.signet.audit.ClientOrigin;
import dev.signet.credential.SecretDigest;
import dev.signet.entry.EntryLookup;
import dev.signet.fault.InvalidInput;
import dev.signet.fault.NotAuthenticated;
import dev.signet.model.Account;
import dev.signet.model.EntryKind;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;

/**
 * Credential reset intents: an admin creates one for a person (default 1 h, 5 min to 24 h) and
 * hands the token over out of band; the person exchanges it, once, for a session that may set a
 * password and enrol authenticators without the old credential, and nothing else.
 */
@PermitAll
@Stateless
public class ResetIntents {
    static final Duration DEFAULT_TTL = Duration.ofHours(1);
    /** Five minutes; {@code signet.reset.min.seconds} lowers it (the integration tests let intents expire). */
    static Duration minTtl() {
        return Duration.ofSeconds(Long.getLong("signet.reset.min.seconds", 300));
    }

    static final Duration MAX_TTL = Duration.ofHours(24);
    /** How long the credential-update session lasts once the intent is exchanged. */
    static final Duration SESSION = Duration.ofMinutes(30);

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private Callers callers;
    @EJB
    private EntryLookup lookup;
    @EJB
    private Tokens tokens;
    @EJB
    private Lockout lockout;
    @EJB
    private SourceRateLimit rateLimit;
    @EJB
    private Audit audit;
    @Inject
    private Instance<ClientOrigin> origin;

    /** The token to hand to the person and when it stops working. */
    public record Created(String token, Instant expires) {
    }

    public Created create(String personId, Long ttlSeconds) {
        Caller caller = callers.current();
        var entry = lookup.require(EntryKind.PERSON, personId);
        AccessControl.requireVisible(caller, entry, personId);
        AccessControl.requireAdminister(caller, entry, "create a credential reset for");
        Duration ttl = ttlSeconds == null ? DEFAULT_TTL : Duration.ofSeconds(ttlSeconds);
        if (ttl.compareTo(minTtl()) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new InvalidInput("ttl", "ttl must be between " + minTtl().toSeconds() + " and " + MAX_TTL.toSeconds() + " seconds");
        }
        String token = RandomTokens.urlSafe(32);
        Instant expires = Instant.now().plus(ttl);
        em.persist(new ResetIntent(SecretDigest.of(token), entry.uuid(), expires));
        audit.success(AuditType.CREDENTIAL_RESET_INTENT_CREATE, caller, entry, "valid until " + expires);
        return new Created(token, expires);
    }

    /** Redeems an intent; every failure looks the same and leaks nothing about the account. */
    public String exchange(String token) {
        rateLimit.acquire(source());
        ResetIntent intent = token == null || token.length() > 128 ? null
                : em.find(ResetIntent.class, SecretDigest.of(token), LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        Account account = intent == null ? null : em.find(Account.class, intent.account());
        if (intent == null || !intent.usableAt(now) || account == null || !account.mayAuthenticate(now)) {
            audit.failure(AuditType.CREDENTIAL_RESET_INTENT_EXCHANGE, Caller.ANONYMOUS, account == null ? null : account.uuid(),
                    account == null ? "unknown" : account.name(), intent == null ? "unknown token" : "used, expired or account unusable");
            throw new NotAuthenticated("the reset token is invalid, used or expired");
        }
        intent.use(now);
        lockout.clear(account);
        audit.success(AuditType.CREDENTIAL_RESET_INTENT_EXCHANGE, Callers.of(account), account, null);
        return tokens.issueCredentialUpdate(new Authenticated(account, Mechanism.RESET_INTENT), source(), SESSION);
    }

    private String source() {
        return ClientOrigin.addressOf(origin);
    }

}
