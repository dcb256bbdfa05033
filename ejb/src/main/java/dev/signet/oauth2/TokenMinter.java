package dev.signet.oauth2;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.AMR;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.claims.AuthorizedParty;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.oauth2.sdk.ParseException;
import dev.signet.domain.KeyEncryption;
import dev.signet.model.Account;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs the tokens of a grant: an RFC 9068 JWT access token, an OpenID Connect id_token when
 * {@code openid} was granted, and the next refresh token of the grant's family.
 */
// access checked: only the token service calls this, after its checks
@PermitAll
@Stateless
public class TokenMinter {
    static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");
    static final String REFRESH_KEY_CONTEXT = "signet oauth2 refresh key";

    @EJB
    private ClientKeys keys;
    @EJB
    private Entitlements entitlements;

    /** Tokens for {@code grant}; {@code account} is null for client credentials. */
    public AccessTokenResponse mint(OAuth2Client client, Grant grant, Account account, String nonce, String issuer) {
        Instant now = Instant.now();
        Instant expires = now.plus(client.accessLifetime());
        String subject = account == null ? client.uuid().toString() : account.uuid().toString();
        JWTClaimsSet.Builder access = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(client.name())
                .claim("client_id", client.name()).issueTime(Date.from(now)).expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString()).claim("scope", String.join(" ", grant.scopes())).claim("sid", grant.id().toString());
        grant.authTime().ifPresent(t -> access.claim("auth_time", t.getEpochSecond()));
        grant.method().ifPresent(m -> access.claim("acr", m));
        Scope scope = new Scope(grant.scopes().toArray(String[]::new));
        BearerAccessToken accessToken = new BearerAccessToken(keys.sign(client, access.build(), ACCESS_TOKEN_TYPE),
                client.accessLifetime().toSeconds(), scope);
        RefreshToken refresh = account == null || grant.sealedRefreshKey().isEmpty() ? null
                : new RefreshToken(RefreshTokens.token(grant.id(), grant.refreshGeneration(), refreshKey(grant)));
        if (account == null || !grant.scopes().contains(Entitlements.OPENID)) {
            return new AccessTokenResponse(new Tokens(accessToken, refresh));
        }
        return new OIDCTokenResponse(new OIDCTokens(idToken(client, grant, account, nonce, issuer, accessToken, now, expires),
                accessToken, refresh));
    }

    private String idToken(OAuth2Client client, Grant grant, Account account, String nonce, String issuer,
                           BearerAccessToken accessToken, Instant now, Instant expires) {
        IDTokenClaimsSet claims = new IDTokenClaimsSet(new Issuer(issuer), new Subject(account.uuid().toString()),
                List.of(new Audience(client.name())), Date.from(expires), Date.from(now));
        grant.authTime().ifPresent(t -> claims.setAuthenticationTime(Date.from(t)));
        if (nonce != null) {
            claims.setNonce(new Nonce(nonce));
        }
        claims.setAccessTokenHash(AccessTokenHash.compute(accessToken, keys.algorithm(client), null));
        grant.method().ifPresent(m -> {
            claims.setACR(new ACR(m));
            claims.setAMR(new Login(account.uuid(), grant.id(), now, m).amr().stream().map(AMR::new).toList());
        });
        claims.setAuthorizedParty(new AuthorizedParty(client.name()));
        claims.setClaim("sid", grant.id().toString());
        entitlements.claims(client, account, grant.scopes()).forEach(claims::setClaim);
        try {
            return keys.sign(client, claims.toJWTClaimsSet(), JOSEObjectType.JWT);
        } catch (ParseException e) {
            throw new IllegalStateException("id_token claims", e);
        }
    }

    static byte[] refreshKey(Grant grant) {
        return Base64.getDecoder().decode(KeyEncryption.fromConfiguredFile().decrypt(grant.sealedRefreshKey().orElseThrow(), REFRESH_KEY_CONTEXT));
    }

    static String sealRefreshKey(byte[] key) {
        return KeyEncryption.fromConfiguredFile().encrypt(Base64.getEncoder().encodeToString(key), REFRESH_KEY_CONTEXT);
    }
}
