package dev.signet.oauth2;

import dev.signet.audit.AuditType;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationGrantError;
import com.nimbusds.oauth2.sdk.device.DeviceCode;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.device.UserCode;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
import dev.signet.model.Account;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;

/**
 * {@code /oauth2/token} and the device authorization endpoint: codes, refresh tokens, client
 * credentials and device codes become grants, and grants become tokens. Errors are RFC 6749
 * error objects; a reused code or refresh token revokes what it had produced (and the refusal
 * commits, so the revocation sticks).
 */
// access checked: client authentication, then the grant's own checks
@PermitAll
@Stateless
public class Grants {
    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private ClientAuthenticator authenticator;
    @EJB
    private AuthorizationCodes codes;
    @EJB
    private DeviceAuthorizations devices;
    @EJB
    private Entitlements entitlements;
    @EJB
    private TokenMinter minter;
    @EJB
    private Audit audit;

    public TokenResponse token(TokenRequest request, String requestOrigin) {
        Optional<OAuth2Client> authenticated = authenticator.authenticate(request.getClientAuthentication(), request.getClientID());
        if (authenticated.isEmpty()) {
            return new TokenErrorResponse(OAuth2Error.INVALID_CLIENT);
        }
        OAuth2Client client = authenticated.get();
        String issuer = Issuers.of(requestOrigin, client);
        AuthorizationGrant grant = request.getAuthorizationGrant();
        if (grant instanceof AuthorizationCodeGrant code) {
            return code(client, code);
        }
        if (grant instanceof RefreshTokenGrant refresh) {
            return refresh(client, refresh.getRefreshToken().getValue(), request.getScope(), issuer);
        }
        if (grant instanceof ClientCredentialsGrant) {
            return clientCredentials(client, request.getScope(), issuer);
        }
        if (grant instanceof DeviceCodeGrant device) {
            return device(client, device.getDeviceCode().getValue(), issuer);
        }
        return new TokenErrorResponse(OAuth2Error.UNSUPPORTED_GRANT_TYPE);
    }

    private TokenResponse code(OAuth2Client client, AuthorizationCodeGrant request) {
        Optional<AuthorizationCodes.Redemption> redeemed = codes.redeem(request.getAuthorizationCode().getValue());
        if (redeemed.isEmpty()) {
            return invalidGrant("authorization code unknown or expired");
        }
        if (redeemed.get().reusedGrantId() != null) {
            Grant earlier = em.find(Grant.class, redeemed.get().reusedGrantId());
            if (earlier != null && !earlier.revoked()) {
                earlier.revoke(Instant.now(), "authorization code reused");
            }
            audit.failure(AuditType.OAUTH2_CODE_REUSE, ClientAuthenticator.actor(client), client.uuid(), client.name(),
                    "authorization code presented again; the tokens issued from it are revoked");
            return invalidGrant("authorization code already used");
        }
        CodeGrant code = redeemed.get().grant();
        URI redirect = request.getRedirectionURI();
        if (!code.client().equals(client.uuid()) || redirect == null || !redirect.toString().equals(code.redirectUri())) {
            return invalidGrant("authorization code was not issued to this client and redirect_uri");
        }
        if (!pkceHolds(code.codeChallenge(), request.getCodeVerifier() == null ? null : request.getCodeVerifier().getValue())) {
            return invalidGrant("PKCE code_verifier missing or wrong");
        }
        Account account = em.find(Account.class, code.login().account());
        if (account == null || !account.mayAuthenticate(Instant.now())) {
            return invalidGrant("the account may no longer sign in");
        }
        Grant grant = newGrant(redeemed.get().newGrantId(), client, account, code.scopes(), code.login());
        audit.success(AuditType.OAUTH2_TOKEN, Callers.of(account), account, "client " + client.name()
                + " authorization_code scopes " + String.join(" ", code.scopes()));
        return minter.mint(client, grant, account, code.nonce(), code.issuer());
    }

    private static boolean pkceHolds(String challenge, String verifier) {
        if (challenge == null) {
            // RFC 7636 downgrade protection: a verifier without a challenge is refused
            return verifier == null;
        }
        if (verifier == null || verifier.length() < 43 || verifier.length() > 128) {
            return false;
        }
        String computed = CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(verifier)).getValue();
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
    }

    private TokenResponse refresh(OAuth2Client client, String token, Scope narrowed, String issuer) {
        Optional<RefreshTokens.Presented> presented = RefreshTokens.parse(token);
        if (presented.isEmpty()) {
            return invalidGrant("refresh token invalid");
        }
        Grant grant = em.find(Grant.class, presented.get().grant(), LockModeType.PESSIMISTIC_WRITE);
        if (grant == null || !grant.client().equals(client.uuid()) || grant.sealedRefreshKey().isEmpty()
                || !RefreshTokens.genuine(presented.get(), TokenMinter.refreshKey(grant))) {
            return invalidGrant("refresh token invalid");
        }
        Instant now = Instant.now();
        Account account = grant.account().map(a -> em.find(Account.class, a)).orElse(null);
        if (presented.get().generation() < grant.refreshGeneration()) {
            if (!grant.revoked()) {
                grant.revoke(now, "refresh token reused");
                audit.failure(AuditType.OAUTH2_REFRESH_REUSE, ClientAuthenticator.actor(client), account == null ? null : account.uuid(),
                        account == null ? null : account.name(), "client " + client.name()
                                + ": an old refresh token was presented again; the whole family is revoked");
            }
            return invalidGrant("refresh token already used");
        }
        if (!grant.refreshableAt(now) || presented.get().generation() != grant.refreshGeneration()) {
            return invalidGrant("refresh token expired or revoked");
        }
        if (account == null || !account.mayAuthenticate(now)) {
            grant.revoke(now, "account may no longer sign in");
            return invalidGrant("the account may no longer sign in");
        }
        Set<String> scopes = grant.scopes();
        if (narrowed != null && !scopes.containsAll(narrowed.toStringList())) {
            return new TokenErrorResponse(OAuth2Error.INVALID_SCOPE.setDescription("a refresh may narrow the scopes, not widen them"));
        }
        if (!entitlements.scopes(client, account).containsAll(scopes)) {
            grant.revoke(now, "scope maps changed");
            return invalidGrant("the account is no longer entitled to these scopes");
        }
        grant.rotate(now.plus(client.refreshLifetime()));
        audit.success(AuditType.OAUTH2_TOKEN_REFRESH, Callers.of(account), account, "client " + client.name());
        return minter.mint(client, grant, account, null, issuer);
    }

    private TokenResponse clientCredentials(OAuth2Client client, Scope requested, String issuer) {
        if (!client.confidential()) {
            return new TokenErrorResponse(OAuth2Error.UNAUTHORIZED_CLIENT.setDescription("client_credentials needs a confidential client"));
        }
        Set<String> allowed = entitlements.mappedScopes(client);
        allowed.remove(Entitlements.OPENID);
        Set<String> scopes = requested == null ? allowed : new LinkedHashSet<>(requested.toStringList());
        // openid is accepted and ignored, as Keycloak does: there is no user to issue an id_token about
        scopes.remove(Entitlements.OPENID);
        if (!allowed.containsAll(scopes)) {
            return new TokenErrorResponse(OAuth2Error.INVALID_SCOPE.setDescription("the client's scope maps do not name these scopes"));
        }
        Instant now = Instant.now();
        Grant grant = new Grant(UUID.randomUUID(), client.uuid(), null, scopes, null, null, now);
        em.persist(grant);
        audit.success(AuditType.OAUTH2_TOKEN, ClientAuthenticator.actor(client), null, "client " + client.name()
                + " client_credentials scopes " + String.join(" ", scopes));
        return minter.mint(client, grant, null, null, issuer);
    }

    private TokenResponse device(OAuth2Client client, String deviceCode, String issuer) {
        DeviceAuthorizations.Polled polled = devices.poll(deviceCode, client);
        switch (polled.outcome()) {
            case PENDING -> {
                return new TokenErrorResponse(DeviceAuthorizationGrantError.AUTHORIZATION_PENDING);
            }
            case SLOW_DOWN -> {
                return new TokenErrorResponse(DeviceAuthorizationGrantError.SLOW_DOWN);
            }
            case DENIED -> {
                return new TokenErrorResponse(OAuth2Error.ACCESS_DENIED);
            }
            case EXPIRED -> {
                return new TokenErrorResponse(DeviceAuthorizationGrantError.EXPIRED_TOKEN);
            }
            default -> {
                DeviceAuthorizations.Device device = polled.device();
                Account account = em.find(Account.class, device.login().account());
                if (account == null || !account.mayAuthenticate(Instant.now())) {
                    return new TokenErrorResponse(OAuth2Error.ACCESS_DENIED);
                }
                Grant grant = newGrant(UUID.randomUUID(), client, account, device.scopes(), device.login());
                audit.success(AuditType.OAUTH2_TOKEN, Callers.of(account), account, "client " + client.name()
                        + " device_code scopes " + String.join(" ", device.scopes()));
                return minter.mint(client, grant, account, null, issuer);
            }
        }
    }

    /** RFC 8628 section 3.1: a device asks for a user code. */
    public DeviceAuthorizationResponse deviceAuthorization(DeviceAuthorizationRequest request, String requestOrigin) {
        Optional<OAuth2Client> client = authenticator.authenticate(request.getClientAuthentication(), request.getClientID());
        if (client.isEmpty()) {
            return new DeviceAuthorizationErrorResponse(OAuth2Error.INVALID_CLIENT);
        }
        if (request.getScope() == null || request.getScope().isEmpty()) {
            return new DeviceAuthorizationErrorResponse(OAuth2Error.INVALID_SCOPE.setDescription("scope is required"));
        }
        DeviceAuthorizations.Started started = devices.start(client.get(), new LinkedHashSet<>(request.getScope().toStringList()));
        String verification = Issuers.origin(requestOrigin) + "/oauth2/device";
        return new DeviceAuthorizationSuccessResponse(new DeviceCode(started.deviceCode()), new UserCode(started.userCode()),
                URI.create(verification), URI.create(verification + "?user_code=" + started.userCode()),
                DeviceAuthorizations.LIFETIME_SECONDS, DeviceAuthorizations.INTERVAL_SECONDS, null);
    }

    private Grant newGrant(UUID id, OAuth2Client client, Account account, Set<String> scopes, Login login) {
        Instant now = Instant.now();
        Grant grant = new Grant(id, client.uuid(), account.uuid(), scopes, login.authTime(), login.method(), now);
        grant.enableRefresh(TokenMinter.sealRefreshKey(RefreshTokens.newKey()), now.plus(client.refreshLifetime()));
        em.persist(grant);
        return grant;
    }

    private static TokenErrorResponse invalidGrant(String description) {
        ErrorObject error = OAuth2Error.INVALID_GRANT.setDescription(description);
        return new TokenErrorResponse(error);
    }
}
