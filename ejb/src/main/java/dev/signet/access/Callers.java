package dev.signet.access;

import jakarta.annotation.security.PermitAll;
import dev.signet.model.Account;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The caller of the current EJB invocation, from the identity the container propagated (the
 * bearer-token mechanism names the account by UUID). An account that is locked, expired or
 * recycled since its token was issued is nobody.
 */
// access is decided in code (AccessControl), per entry and attribute, not by container roles
@PermitAll
@Stateless
public class Callers {
    @Resource
    private SessionContext context;

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    public Caller current() {
        Principal principal = context.getCallerPrincipal();
        if (principal == null) {
            return Caller.ANONYMOUS;
        }
        UUID uuid;
        try {
            uuid = UUID.fromString(principal.getName());
        } catch (IllegalArgumentException e) {
            return Caller.ANONYMOUS;
        }
        Account account = em.find(Account.class, uuid);
        if (account == null || !account.mayAuthenticate(Instant.now())) {
            return Caller.ANONYMOUS;
        }
        return of(account);
    }

    public static Caller of(Account account) {
        Set<UUID> groups = new HashSet<>(account.memberOf());
        return new Caller(account.uuid(), account.name(), groups);
    }
}
