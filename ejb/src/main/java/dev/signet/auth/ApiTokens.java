package dev.signet.auth;

import dev.signet.audit.AuditType;
import dev.signet.access.AccessControl;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
import dev.signet.entry.EntryLookup;
import dev.signet.fault.EntryNotFound;
import dev.signet.fault.InvalidInput;
import dev.signet.model.EntryKind;
import dev.signet.model.ServiceAccount;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * API tokens of service accounts ({@code POST/GET/DELETE /v1/service_account/{id}/_api_token}):
 * issued by an admin of the account, shown once, listed without secrets, revocable. Read-only
 * unless issued read-write. Usable as a Bearer token on REST (and as an LDAP bind password).
 */
@PermitAll
@Stateless
public class ApiTokens {
    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private Callers callers;
    @EJB
    private EntryLookup lookup;
    @EJB
    private Tokens tokens;
    @EJB
    private Audit audit;

    /** The new token's id and the token itself (its only appearance). */
    public record Issued(UUID id, String token) {
    }

    public Issued issue(String accountId, String label, Instant expiry, boolean readWrite) {
        Caller caller = callers.current();
        ServiceAccount account = administered(caller, accountId, "issue API tokens for");
        if (label == null || label.isBlank() || label.strip().length() > 64) {
            throw new InvalidInput("label", "label is required, at most 64 characters");
        }
        Instant now = Instant.now();
        if (expiry != null && !expiry.isAfter(now)) {
            throw new InvalidInput("expiry", "expiry must be in the future");
        }
        ApiToken token = new ApiToken(UUID.randomUUID(), account.uuid(), label.strip(), now, expiry, readWrite);
        em.persist(token);
        audit.success(AuditType.CREDENTIAL_API_TOKEN_ISSUE, caller, account, token.label() + (readWrite ? " (read-write)" : " (read-only)"));
        return new Issued(token.id(), tokens.signApiToken(account, token));
    }

    public List<ApiTokenView> list(String accountId) {
        Caller caller = callers.current();
        ServiceAccount account = visible(caller, accountId);
        if (!AccessControl.administers(caller, account) && !caller.is(account.uuid())) {
            throw new dev.signet.fault.AccessDenied("may not list the API tokens of " + account.name());
        }
        return em.createQuery("select t from ApiToken t where t.account = :account and t.revokedAt is null order by t.created",
                ApiToken.class).setParameter("account", account.uuid()).getResultList().stream().map(ApiTokenView::of).toList();
    }

    /** What may be shown of a token: never the token itself. */
    public record TokenInfo(UUID id, String label, Instant created, Optional<Instant> expires, boolean readWrite) {
    }

    /** {@link #list} as views, for the console. */
    public List<TokenInfo> infos(String accountId) {
        return list(accountId).stream().map(t -> new TokenInfo(t.id(), t.label(), t.created(), t.expiresAt(), t.readWrite())).toList();
    }

    public void revoke(String accountId, UUID tokenId) {
        Caller caller = callers.current();
        ServiceAccount account = administered(caller, accountId, "revoke API tokens of");
        ApiToken token = tokenId == null ? null : em.find(ApiToken.class, tokenId);
        if (token == null || !token.account().equals(account.uuid()) || token.revoked()) {
            throw new EntryNotFound(String.valueOf(tokenId));
        }
        token.revoke(Instant.now());
        audit.success(AuditType.CREDENTIAL_API_TOKEN_REVOKE, caller, account, token.label());
    }

    private ServiceAccount visible(Caller caller, String accountId) {
        var entry = lookup.require(EntryKind.SERVICE_ACCOUNT, accountId);
        AccessControl.requireVisible(caller, entry, accountId);
        return (ServiceAccount) entry;
    }

    private ServiceAccount administered(Caller caller, String accountId, String action) {
        ServiceAccount account = visible(caller, accountId);
        AccessControl.requireAdminister(caller, account, action);
        return account;
    }
}
