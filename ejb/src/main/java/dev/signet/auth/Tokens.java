package dev.signet.auth;

import dev.signet.audit.AuditType;
import jakarta.annotation.security.PermitAll;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
import dev.signet.domain.Domain;
import dev.signet.model.Account;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * Bearer tokens: a JWS (ES256) naming the account and its session, valid until it expires or its
 * session is revoked (logout), and only while the account may still authenticate.
 */
@PermitAll
@Stateless
public class Tokens {
    /** Kanidm's default, and short enough that a stolen token does not live long. */
    public static final Duration LIFETIME = Duration.ofHours(1);

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private TokenKeys keys;
    @EJB
    private Domain domain;
    @EJB
    private Audit audit;

    /**
     * Issues a token for an account that has just proved a credential (only this package can say
     * so). A privileged session may change things for {@link #privilegeWindow()}; after that, or
     * when not privileged, it is read-only until reauthentication.
     */
    public String issue(Authenticated proof, String source, boolean privileged) {
        Account account = proof.account();
        Instant now = Instant.now();
        UUID sessionId = UUID.randomUUID();
        Instant expires = now.plus(lifetime());
        UserSession session = new UserSession(sessionId, account.uuid(), now, expires, source, null);
        if (privileged) {
            session.privilegeUntil(now.plus(privilegeWindow()));
        }
        session.provedBy(proof.method().wire());
        em.persist(session);
        return sign(account, session, now);
    }

    /** For a redeemed reset intent: a session that may change the account's own credentials only. */
    public String issueCredentialUpdate(Authenticated proof, String source, Duration lifetime) {
        Account account = proof.account();
        Instant now = Instant.now();
        UserSession session = new UserSession(UUID.randomUUID(), account.uuid(), now, now.plus(lifetime), source, null);
        session.forCredentialUpdateOnly();
        session.provedBy(proof.method().wire());
        em.persist(session);
        return sign(account, session, now);
    }

    /** After a reauthentication: the same session, privileged again; a fresh token for it. */
    public String elevate(Authenticated proof, UUID sessionId) {
        Instant now = Instant.now();
        UserSession session = em.find(UserSession.class, sessionId);
        if (session == null || !session.validAt(now) || !session.account().equals(proof.account().uuid())) {
            throw new IllegalStateException("reauthentication of a session that ended");
        }
        session.privilegeUntil(now.plus(privilegeWindow()));
        return sign(proof.account(), session, now);
    }

    private String sign(Account account, UserSession session, Instant now) {
        return keys.keyring().sign(new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(account.uuid().toString())
                .claim("sid", session.id().toString())
                .claim("name", account.name())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(session.expires()))
                .build());
    }

    /** An API token: names its row (tid) instead of a session, and expires only if the row says so. */
    public String signApiToken(Account account, ApiToken token) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(account.uuid().toString())
                .claim("tid", token.id().toString())
                .claim("name", account.name())
                .issueTime(Date.from(token.created()));
        token.expiresAt().ifPresent(exp -> claims.expirationTime(Date.from(exp)));
        return keys.keyring().sign(claims.build());
    }

    /** The account and session (or API token) a valid token speaks for. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<VerifiedToken> verify(String token) {
        Optional<VerifiedToken> api = apiToken(token);
        if (api.isPresent()) {
            return api;
        }
        return session(token).filter(s -> {
            Account account = em.find(Account.class, s.account());
            return account != null && account.mayAuthenticate(Instant.now());
        }).map(s -> new VerifiedToken(s.account(), s.id()));
    }

    /** Ends the token's session (logout); later requests with it are unauthenticated. */
    public boolean revoke(String token) {
        Optional<UserSession> session = session(token);
        session.ifPresent(s -> {
            s.revoke(Instant.now());
            Account account = em.find(Account.class, s.account());
            audit.success(AuditType.SESSION_LOGOUT, account == null ? Caller.ANONYMOUS : Callers.of(account), account, null);
        });
        return session.isPresent();
    }

    private Optional<VerifiedToken> apiToken(String token) {
        if (token == null || token.length() > 4096) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return keys.keyring().verify(token)
                .filter(claims -> issuer().equals(claims.getIssuer()) && claims.getClaim("tid") instanceof String)
                .filter(claims -> claims.getExpirationTime() == null || now.isBefore(claims.getExpirationTime().toInstant()))
                .flatMap(claims -> {
                    try {
                        ApiToken row = em.find(ApiToken.class, UUID.fromString((String) claims.getClaim("tid")));
                        return Optional.ofNullable(row)
                                .filter(t -> t.validAt(now))
                                .filter(t -> t.account().toString().equals(claims.getSubject()))
                                .filter(t -> {
                                    Account account = em.find(Account.class, t.account());
                                    return account != null && account.mayAuthenticate(now);
                                })
                                .map(t -> new VerifiedToken(t.account(), t.id()));
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                });
    }

    private Optional<UserSession> session(String token) {
        if (token == null || token.length() > 4096) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return keys.keyring().verify(token)
                .filter(claims -> issuer().equals(claims.getIssuer()))
                .filter(claims -> claims.getExpirationTime() != null && now.isBefore(claims.getExpirationTime().toInstant()))
                .flatMap(claims -> {
                    try {
                        UUID sid = UUID.fromString((String) claims.getClaim("sid"));
                        UserSession session = em.find(UserSession.class, sid);
                        return Optional.ofNullable(session)
                                .filter(s -> s.validAt(now))
                                .filter(s -> s.account().toString().equals(claims.getSubject()));
                    } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
                        return Optional.empty();
                    }
                });
    }

    private String issuer() {
        return "https://" + domain.name().value() + "/";
    }

    /** Kanidm's default privilege expiry: ten minutes of read-write after proving a credential. */
    static Duration privilegeWindow() {
        return Duration.ofSeconds(Long.getLong("signet.auth.privilege.seconds", 600));
    }

    static Duration lifetime() {
        String seconds = System.getProperty("signet.token.lifetime.seconds");
        return seconds == null ? LIFETIME : Duration.ofSeconds(Long.parseLong(seconds));
    }
}
