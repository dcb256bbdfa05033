package dev.signet.oauth2;

import dev.signet.audit.AuditType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.ErrorObject;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
import dev.signet.model.Account;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;

/**
 * What a token is worth after it was issued: userinfo for its bearer, RFC 7662 introspection and
 * RFC 7009 revocation for its client. An access token is good only while its signature, expiry,
 * grant and account all are.
 */
// access checked: the bearer token itself, or client authentication
@PermitAll
@Stateless
public class TokenInspection {
    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private OAuth2Clients clients;
    @EJB
    private ClientKeys keys;
    @EJB
    private ClientAuthenticator authenticator;
    @EJB
    private Entitlements entitlements;
    @EJB
    private Audit audit;

    /** The claims userinfo answers with, or the bearer-token error to answer instead. */
    public record UserInfo(Map<String, Object> claims, ErrorObject error) {
    }

    private record ValidAccess(JWTClaimsSet claims, Grant grant, Account account) {
    }

    public UserInfo userinfo(String clientName, String accessToken, String requestOrigin) {
        Optional<OAuth2Client> client = clients.find(clientName);
        Optional<ValidAccess> access = client.flatMap(c -> validAccess(c, accessToken, Issuers.of(requestOrigin, c)));
        if (access.isEmpty() || access.get().account() == null) {
            return new UserInfo(null, BearerTokenError.INVALID_TOKEN);
        }
        if (!access.get().grant().scopes().contains(Entitlements.OPENID)) {
            return new UserInfo(null, BearerTokenError.INSUFFICIENT_SCOPE);
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", access.get().account().uuid().toString());
        claims.putAll(entitlements.claims(client.get(), access.get().account(), access.get().grant().scopes()));
        return new UserInfo(claims, null);
    }

    public TokenIntrospectionResponse introspect(TokenIntrospectionRequest request, String requestOrigin) {
        Optional<OAuth2Client> client = authenticator.authenticate(request.getClientAuthentication(), null);
        if (client.isEmpty()) {
            return new TokenIntrospectionErrorResponse(OAuth2Error.INVALID_CLIENT);
        }
        String token = request.getToken() == null ? null : request.getToken().getValue();
        Optional<ValidAccess> access = validAccess(client.get(), token, Issuers.of(requestOrigin, client.get()));
        if (access.isPresent()) {
            JWTClaimsSet claims = access.get().claims();
            TokenIntrospectionSuccessResponse.Builder active = new TokenIntrospectionSuccessResponse.Builder(true)
                    .scope(new Scope(access.get().grant().scopes().toArray(String[]::new))).clientID(new ClientID(client.get().name()))
                    .tokenType(AccessTokenType.BEARER).expirationTime(claims.getExpirationTime()).issueTime(claims.getIssueTime())
                    .subject(new Subject(claims.getSubject())).audience(List.of(new Audience(client.get().name())))
                    .issuer(new Issuer(claims.getIssuer())).jwtID(new JWTID(claims.getJWTID()));
            if (access.get().account() != null) {
                active.username(access.get().account().name());
            }
            return active.build();
        }
        Optional<Grant> refresh = liveRefresh(client.get(), token);
        if (refresh.isPresent()) {
            return new TokenIntrospectionSuccessResponse.Builder(true).clientID(new ClientID(client.get().name()))
                    .scope(new Scope(refresh.get().scopes().toArray(String[]::new)))
                    .subject(new Subject(refresh.get().account().map(UUID::toString).orElse(client.get().uuid().toString()))).build();
        }
        return new TokenIntrospectionSuccessResponse.Builder(false).build();
    }

    /** Revokes the grant behind an access or refresh token of the calling client; always "ok" for unknown tokens. */
    public ErrorObject revoke(TokenRevocationRequest request, String requestOrigin) {
        Optional<OAuth2Client> client = authenticator.authenticate(request.getClientAuthentication(), request.getClientID());
        if (client.isEmpty()) {
            return OAuth2Error.INVALID_CLIENT;
        }
        String token = request.getToken() == null ? null : request.getToken().getValue();
        Optional<Grant> grant = RefreshTokens.parse(token)
                .map(p -> em.find(Grant.class, p.grant()))
                .filter(g -> g.client().equals(client.get().uuid()) && g.sealedRefreshKey().isPresent()
                        && RefreshTokens.genuine(RefreshTokens.parse(token).orElseThrow(), TokenMinter.refreshKey(g)))
                .or(() -> validAccess(client.get(), token, Issuers.of(requestOrigin, client.get())).map(ValidAccess::grant));
        grant.filter(g -> !g.revoked()).ifPresent(g -> {
            g.revoke(Instant.now(), "revoked by the client");
            Account account = g.account().map(a -> em.find(Account.class, a)).orElse(null);
            audit.success(AuditType.OAUTH2_REVOKE, account == null ? ClientAuthenticator.actor(client.get()) : Callers.of(account), account,
                    "client " + client.get().name() + " revoked grant " + g.id());
        });
        return null;
    }

    private Optional<Grant> liveRefresh(OAuth2Client client, String token) {
        return RefreshTokens.parse(token).flatMap(p -> {
            Grant grant = em.find(Grant.class, p.grant());
            boolean live = grant != null && grant.client().equals(client.uuid()) && grant.refreshableAt(Instant.now())
                    && p.generation() == grant.refreshGeneration() && RefreshTokens.genuine(p, TokenMinter.refreshKey(grant));
            return live ? Optional.of(grant) : Optional.empty();
        });
    }

    private Optional<ValidAccess> validAccess(OAuth2Client client, String token, String issuer) {
        if (token == null || token.length() > 8192) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return keys.verify(client, token)
                .filter(c -> issuer.equals(c.getIssuer()) && c.getExpirationTime() != null && now.isBefore(c.getExpirationTime().toInstant()))
                .filter(c -> client.name().equals(c.getClaim("client_id")))
                .flatMap(c -> {
                    try {
                        Grant grant = em.find(Grant.class, UUID.fromString((String) c.getClaim("sid")));
                        if (grant == null || grant.revoked() || !grant.client().equals(client.uuid())) {
                            return Optional.empty();
                        }
                        Account account = grant.account().map(a -> em.find(Account.class, a)).orElse(null);
                        if (grant.account().isPresent() && (account == null || !account.mayAuthenticate(now))) {
                            return Optional.empty();
                        }
                        return Optional.of(new ValidAccess(c, grant, account));
                    } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
                        return Optional.empty();
                    }
                });
    }
}
