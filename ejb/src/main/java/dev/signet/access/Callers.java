package dev.signet.access;

import jakarta.annotation.security.PermitAll;
import dev.signet.model.Account;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The caller of the current EJB invocation, from the identity the container propagated (the
 * bearer-token mechanism names the account by UUID). An account that is locked, expired or
 * recycled since its token was issued is nobody.
 */
@PermitAll
@Stateless
public class Callers {
    @Resource
    private SessionContext context;

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @Inject
    private SessionGrants grants;

    public Caller current() {
        Principal principal = context.getCallerPrincipal();
        if (principal == null) {
            return Caller.ANONYMOUS;
        }
        // "account-uuid:session-uuid", as the bearer-token mechanism names a verified token
        String[] parts = principal.getName().split(":", 2);
        UUID uuid;
        UUID session;
        try {
            uuid = UUID.fromString(parts[0]);
            session = parts.length == 2 ? UUID.fromString(parts[1]) : null;
        } catch (IllegalArgumentException e) {
            return Caller.ANONYMOUS;
        }
        Instant now = Instant.now();
        Account account = em.find(Account.class, uuid);
        if (account == null || !account.mayAuthenticate(now)) {
            return Caller.ANONYMOUS;
        }
        // a user session within its privilege window, or an API token issued read-write
        SessionGrants.Grant grant = grants.of(session, now);
        return new Caller(account.uuid(), account.name(), new HashSet<>(account.memberOf()), grant.readWrite() && !grant.credentialUpdate(),
                grant.credentialUpdate());
    }

    /** The session (or API token) id the current identity names, when it names one. */
    public Optional<UUID> currentSession() {
        Principal principal = context.getCallerPrincipal();
        String[] parts = principal == null ? new String[0] : principal.getName().split(":", 2);
        try {
            return parts.length == 2 ? Optional.of(UUID.fromString(parts[1])) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The account itself, acting while it authenticates (its events are audited as its own). */
    public static Caller of(Account account) {
        Set<UUID> groups = new HashSet<>(account.memberOf());
        return new Caller(account.uuid(), account.name(), groups, true, false);
    }
}
