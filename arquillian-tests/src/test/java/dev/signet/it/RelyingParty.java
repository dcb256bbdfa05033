package dev.signet.it;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.URI;
import com.nimbusds.oauth2.sdk.ParseException;

/**
 * An application signing its users in with Signet, written with the Nimbus OAuth2/OIDC SDK as a
 * client developer would, only trusting the test server's self-signed certificate.
 */
final class RelyingParty {
    final ClientID clientId;
    final Secret secret;
    final URI redirect;
    final OIDCProviderMetadata metadata;

    private RelyingParty(String clientId, String secret, URI redirect, OIDCProviderMetadata metadata) {
        this.clientId = new ClientID(clientId);
        this.secret = secret == null ? null : new Secret(secret);
        this.redirect = redirect;
        this.metadata = metadata;
    }

    /** Reads the provider's metadata from the client's issuer, as any RP starts. */
    static RelyingParty discover(String clientId, String secret, URI redirect) {
        URI config = SignetServer.HTTPS.resolve("/oauth2/openid/" + clientId + "/.well-known/openid-configuration");
        try {
            HTTPResponse response = send(new HTTPRequest(HTTPRequest.Method.GET, config));
            return new RelyingParty(clientId, secret, redirect, OIDCProviderMetadata.parse(response.getBodyAsJSONObject()));
        } catch (ParseException e) {
            throw new AssertionError("discovery document unreadable", e);
        }
    }

    URI authorize(Scope scope, CodeVerifier verifier, State state, Nonce nonce) {
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(new ResponseType(ResponseType.Value.CODE), scope,
                clientId, redirect).endpointURI(metadata.getAuthorizationEndpointURI()).state(state).nonce(nonce);
        if (verifier != null) {
            request.codeChallenge(verifier, CodeChallengeMethod.S256);
        }
        return request.build().toURI();
    }

    TokenResponse redeem(String code, CodeVerifier verifier) {
        return token(new AuthorizationCodeGrant(new AuthorizationCode(code), redirect, verifier), null);
    }

    TokenResponse refresh(RefreshToken token) {
        return token(new RefreshTokenGrant(token), null);
    }

    TokenResponse clientCredentials(Scope scope) {
        return token(new ClientCredentialsGrant(), scope);
    }

    TokenResponse token(AuthorizationGrant grant, Scope scope) {
        TokenRequest request = secret == null
                ? new TokenRequest(metadata.getTokenEndpointURI(), clientId, grant, scope)
                : new TokenRequest(metadata.getTokenEndpointURI(), authentication(), grant, scope);
        try {
            return OIDCTokenResponseParser.parse(send(request.toHTTPRequest()));
        } catch (ParseException e) {
            throw new AssertionError("token response unreadable", e);
        }
    }

    UserInfoResponse userinfo(AccessToken token) {
        try {
            return UserInfoResponse.parse(send(new UserInfoRequest(metadata.getUserInfoEndpointURI(), token).toHTTPRequest()));
        } catch (ParseException e) {
            throw new AssertionError("userinfo response unreadable", e);
        }
    }

    TokenIntrospectionResponse introspect(Token token) {
        try {
            return TokenIntrospectionResponse.parse(send(new TokenIntrospectionRequest(metadata.getIntrospectionEndpointURI(),
                    authentication(), token).toHTTPRequest()));
        } catch (ParseException e) {
            throw new AssertionError("introspection response unreadable", e);
        }
    }

    HTTPResponse revoke(Token token) {
        TokenRevocationRequest request = secret == null ? new TokenRevocationRequest(metadata.getRevocationEndpointURI(), clientId, token)
                : new TokenRevocationRequest(metadata.getRevocationEndpointURI(), authentication(), token);
        return send(request.toHTTPRequest());
    }

    JWKSet jwks() {
        try {
            return JWKSet.parse(send(new HTTPRequest(HTTPRequest.Method.GET, metadata.getJWKSetURI())).getBody());
        } catch (java.text.ParseException e) {
            throw new AssertionError("JWKS unreadable", e);
        }
    }

    /** Validates an id_token as an RP must: signature against the JWKS, issuer, audience, expiry, nonce. */
    IDTokenClaimsSet validate(JWT idToken, Nonce nonce, JWSAlgorithm algorithm) throws Exception {
        return new IDTokenValidator(metadata.getIssuer(), clientId, algorithm, jwks()).validate(idToken, nonce);
    }

    private ClientAuthentication authentication() {
        return new ClientSecretBasic(clientId, secret);
    }

    static HTTPResponse send(HTTPRequest request) {
        request.setSSLSocketFactory(SignetApi.trustingTls().getSocketFactory());
        request.setHostnameVerifier((host, session) -> true);
        request.setFollowRedirects(false);
        try {
            return request.send();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
