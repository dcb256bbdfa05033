package dev.signet.auth;

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
// access is decided in code (AccessControl), per entry and attribute, not by container roles
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

    /** Issues a token for an account that has just proved a credential (only this package can say so). */
    public String issue(Authenticated proof, String source) {
        Account account = proof.account();
        Instant now = Instant.now();
        UUID sessionId = UUID.randomUUID();
        Instant expires = now.plus(lifetime());
        em.persist(new UserSession(sessionId, account.uuid(), now, expires, source));
        return keys.keyring().sign(new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(account.uuid().toString())
                .claim("sid", sessionId.toString())
                .claim("name", account.name())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .build());
    }

    /** The account a valid token speaks for. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<UUID> verify(String token) {
        return session(token).filter(s -> {
            Account account = em.find(Account.class, s.account());
            return account != null && account.mayAuthenticate(Instant.now());
        }).map(UserSession::account);
    }

    /** Ends the token's session (logout); later requests with it are unauthenticated. */
    public boolean revoke(String token) {
        Optional<UserSession> session = session(token);
        session.ifPresent(s -> {
            s.revoke(Instant.now());
            Account account = em.find(Account.class, s.account());
            audit.success("session.logout", account == null ? Caller.ANONYMOUS : Callers.of(account), account, null);
        });
        return session.isPresent();
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

    static Duration lifetime() {
        String seconds = System.getProperty("signet.token.lifetime.seconds");
        return seconds == null ? LIFETIME : Duration.ofSeconds(Long.parseLong(seconds));
    }
}
