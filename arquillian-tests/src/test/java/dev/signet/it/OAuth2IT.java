package dev.signet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import java.util.Map;

/**
 * The authorization code flow end to end with the Nimbus client SDK: discovery, login and consent
 * pages, code, tokens, id_token validation against the JWKS, userinfo, refresh rotation,
 * revocation and introspection; and the refusals around it.
 */
@ExtendWith(ArquillianExtension.class)
class OAuth2IT {
    private static final Scope SCOPE = new Scope("openid", "profile", "email", "groups");

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    /** Signs the fixture's member in and consents; answers the redirect's code. */
    private static String code(OidcFixture app, RelyingParty rp, Browser browser, CodeVerifier verifier, State state, Nonce nonce) throws Exception {
        HttpResponse<String> consent = browser.signIn(rp.authorize(SCOPE, verifier, state, nonce), app.member(), OidcFixture.PASSWORD);
        if (consent.statusCode() != 303) {
            assertTrue(consent.body().contains("App " + app.client()), "the consent page names the client");
            consent = browser.consent(consent, true);
        }
        AuthorizationResponse response = AuthorizationResponse.parse(Browser.location(consent));
        assertTrue(response.indicatesSuccess(), () -> "authorization failed: " + response.toErrorResponse().getErrorObject());
        assertEquals(state, response.getState());
        assertEquals(rp.metadata.getIssuer(), ((AuthorizationSuccessResponse) response).getIssuer(), "RFC 9207 iss");
        return response.toSuccessResponse().getAuthorizationCode().getValue();
    }

    @Test
    void theFullFlowWithANimbusRelyingParty() throws Exception {
        OidcFixture app = OidcFixture.confidential();
        RelyingParty rp = app.relyingParty();
        assertEquals(SignetServer.HTTPS + "/oauth2/openid/" + app.client(), rp.metadata.getIssuer().getValue());
        assertEquals(List.of("S256"), rp.metadata.getCodeChallengeMethods().stream().map(Object::toString).toList());
        assertTrue(rp.metadata.getScopes().containsAll(new Scope("openid", "email", "profile", "groups", "ssh_publickeys")));

        Browser browser = new Browser();
        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce();
        String code = code(app, rp, browser, verifier, new State(), nonce);

        TokenResponse tokens = rp.redeem(code, verifier);
        assertTrue(tokens.indicatesSuccess(), () -> "token: " + tokens.toErrorResponse().getErrorObject());
        OIDCTokenResponse oidc = (OIDCTokenResponse) tokens;
        AccessToken access = oidc.getOIDCTokens().getAccessToken();
        SignedJWT accessJwt = SignedJWT.parse(access.getValue());
        assertEquals(new JOSEObjectType("at+jwt"), accessJwt.getHeader().getType(), "RFC 9068 access token");
        assertEquals(app.client(), accessJwt.getJWTClaimsSet().getStringClaim("client_id"));
        assertEquals(List.of(app.client()), accessJwt.getJWTClaimsSet().getAudience());

        IDTokenClaimsSet id = rp.validate(oidc.getOIDCTokens().getIDToken(), nonce, JWSAlgorithm.ES256);
        assertEquals(nonce, id.getNonce());
        AccessTokenValidator.validate(access, JWSAlgorithm.ES256, id.getAccessTokenHash());
        assertNotNull(id.getAuthenticationTime());
        assertEquals("password", id.getACR().getValue());
        assertEquals(app.member() + "@example.com", id.getStringClaim("email"));
        assertEquals(app.member() + "@localhost", id.getStringClaim("preferred_username"));
        assertTrue(id.getStringListClaim("groups").contains(app.group() + "@localhost"), "groups are transitive, as spn");

        UserInfoResponse info = rp.userinfo(access);
        assertTrue(info.indicatesSuccess());
        UserInfoResponse byPost = UserInfoResponse.parse(RelyingParty.send(new UserInfoRequest(
                rp.metadata.getUserInfoEndpointURI(), HTTPRequest.Method.POST, access).toHTTPRequest()));
        assertEquals(info.toSuccessResponse().getUserInfo().getSubject(), byPost.toSuccessResponse().getUserInfo().getSubject());
        AuthorizationServerMetadata rfc8414 = AuthorizationServerMetadata.parse(
                SignetApi.anonymous().get("/oauth2/openid/" + app.client() + "/.well-known/oauth-authorization-server").expect(200).body());
        assertEquals(rp.metadata.getIssuer(), rfc8414.getIssuer());
        assertEquals(rp.metadata.getTokenEndpointURI(), rfc8414.getTokenEndpointURI());
        assertEquals(id.getSubject(), info.toSuccessResponse().getUserInfo().getSubject());
        assertEquals(app.member() + "@example.com", info.toSuccessResponse().getUserInfo().getEmailAddress());

        RefreshToken first = oidc.getOIDCTokens().getRefreshToken();
        TokenResponse refreshed = rp.refresh(first);
        assertTrue(refreshed.indicatesSuccess(), () -> "refresh: " + refreshed.toErrorResponse().getErrorObject());
        RefreshToken second = refreshed.toSuccessResponse().getTokens().getRefreshToken();
        assertNotEquals(first, second, "refresh tokens rotate");
        AccessToken secondAccess = refreshed.toSuccessResponse().getTokens().getAccessToken();
        assertTrue(rp.userinfo(secondAccess).indicatesSuccess());

        assertEquals(200, rp.revoke(second).getStatusCode());
        assertFalse(rp.introspect(secondAccess).toSuccessResponse().isActive(), "revoking the refresh token ends its grant");
        assertFalse(rp.userinfo(secondAccess).indicatesSuccess());
        assertEquals(OAuth2Error.INVALID_GRANT.getCode(), rp.refresh(second).toErrorResponse().getErrorObject().getCode());

        SignetApi admin = SignetApi.admin();
        for (String type : List.of("oauth2.consent", "oauth2.token", "oauth2.token.refresh", "oauth2.revoke")) {
            String events = admin.get("/v1/audit?type=" + type + "&since=2000-01-01T00:00:00Z").expect(200).body();
            assertTrue(events.contains("client " + app.client()), type + " is audited");
        }
    }

    @Test
    void introspectionDescribesALiveAccessTokenToItsClient() {
        OidcFixture app = OidcFixture.confidential();
        RelyingParty rp = app.relyingParty();
        CodeVerifier verifier = new CodeVerifier();
        OIDCTokenResponse tokens = (OIDCTokenResponse) rp.redeem(uncheckedCode(app, rp, verifier), verifier);
        TokenIntrospectionSuccessResponse live = rp.introspect(tokens.getOIDCTokens().getAccessToken()).toSuccessResponse();
        assertTrue(live.isActive());
        assertEquals(app.client(), live.getClientID().getValue());
        assertEquals(app.member(), live.getUsername());
        assertTrue(live.getScope().contains("openid"));
        assertTrue(rp.introspect(tokens.getOIDCTokens().getRefreshToken()).toSuccessResponse().isActive());

        OidcFixture other = OidcFixture.confidential();
        assertFalse(other.relyingParty().introspect(tokens.getOIDCTokens().getAccessToken()).toSuccessResponse().isActive(),
                "another client learns nothing about this client's tokens");
        RelyingParty wrongSecret = RelyingParty.discover(app.client(), "not-the-secret", app.redirect());
        assertEquals(401, wrongSecret.revoke(tokens.getOIDCTokens().getAccessToken()).getStatusCode());
    }

    private static String uncheckedCode(OidcFixture app, RelyingParty rp, CodeVerifier verifier) {
        try {
            return code(app, rp, new Browser(), verifier, new State(), new Nonce());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aWrongRedirectUriIsRefusedWithoutRedirecting() {
        OidcFixture app = OidcFixture.confidential();
        RelyingParty rp = app.relyingParty();
        for (URI wrong : List.of(URI.create(app.redirect() + "/../evil"), URI.create(app.redirect() + "x"),
                URI.create("https://evil.example.com/oidc/callback"), URI.create(app.redirect().toString().toUpperCase()))) {
            RelyingParty attacker = RelyingParty.discover(app.client(), app.secret(), wrong);
            HttpResponse<String> page = new Browser().get(attacker.authorize(SCOPE, new CodeVerifier(), new State(), new Nonce()));
            assertEquals(400, page.statusCode(), wrong.toString());
            assertTrue(page.headers().firstValue("Location").isEmpty(), "no redirect to " + wrong);
            assertTrue(page.body().contains("redirect_uri"));
        }
        HttpResponse<String> unknownClient = new Browser().get(URI.create(rp.metadata.getAuthorizationEndpointURI()
                + "?response_type=code&client_id=nosuchclient&redirect_uri=" + app.redirect() + "&scope=openid"));
        assertEquals(400, unknownClient.statusCode());
        assertTrue(unknownClient.headers().firstValue("Location").isEmpty());
    }

    @Test
    void pkceIsRequiredS256OnlyAndTheVerifierMustMatch() throws Exception {
        OidcFixture app = OidcFixture.confidential();
        RelyingParty rp = app.relyingParty();
        Browser browser = new Browser();
        AuthorizationResponse noPkce = AuthorizationResponse.parse(Browser.location(browser.get(rp.authorize(SCOPE, null, new State(), null))));
        assertEquals(OAuth2Error.INVALID_REQUEST, noPkce.toErrorResponse().getErrorObject());

        URI plain = URI.create(rp.metadata.getAuthorizationEndpointURI() + "?response_type=code&client_id=" + app.client()
                + "&redirect_uri=" + app.redirect() + "&scope=openid&state=s1&code_challenge=" + "a".repeat(43) + "&code_challenge_method=plain");
        AuthorizationErrorResponse plainRefused = AuthorizationResponse.parse(Browser.location(browser.get(plain))).toErrorResponse();
        assertEquals(OAuth2Error.INVALID_REQUEST, plainRefused.getErrorObject());
        assertEquals("s1", plainRefused.getState().getValue());

        CodeVerifier verifier = new CodeVerifier();
        String code = code(app, rp, browser, verifier, new State(), new Nonce());
        TokenErrorResponse wrong = rp.redeem(code, new CodeVerifier()).toErrorResponse();
        assertEquals(OAuth2Error.INVALID_GRANT, wrong.getErrorObject());

        String second = code(app, rp, new Browser(), verifier, new State(), new Nonce());
        TokenResponse missing = rp.token(new AuthorizationCodeGrant(new AuthorizationCode(second), app.redirect()), null);
        assertEquals(OAuth2Error.INVALID_GRANT, missing.toErrorResponse().getErrorObject());
    }

    @Test
    void aReusedCodeFailsAndRevokesWhatItGave() throws Exception {
        OidcFixture app = OidcFixture.confidential();
        RelyingParty rp = app.relyingParty();
        CodeVerifier verifier = new CodeVerifier();
        String code = code(app, rp, new Browser(), verifier, new State(), new Nonce());
        OIDCTokenResponse tokens = (OIDCTokenResponse) rp.redeem(code, verifier);
        assertTrue(rp.userinfo(tokens.getOIDCTokens().getAccessToken()).indicatesSuccess());

        assertEquals(OAuth2Error.INVALID_GRANT, rp.redeem(code, verifier).toErrorResponse().getErrorObject());
        assertFalse(rp.userinfo(tokens.getOIDCTokens().getAccessToken()).indicatesSuccess(), "the first redemption's tokens are revoked");
        assertFalse(rp.refresh(tokens.getOIDCTokens().getRefreshToken()).indicatesSuccess());
    }

    @Test
    void aReusedRefreshTokenRevokesTheWholeFamily() throws Exception {
        OidcFixture app = OidcFixture.confidential();
        RelyingParty rp = app.relyingParty();
        CodeVerifier verifier = new CodeVerifier();
        OIDCTokenResponse tokens = (OIDCTokenResponse) rp.redeem(code(app, rp, new Browser(), verifier, new State(), new Nonce()), verifier);
        RefreshToken first = tokens.getOIDCTokens().getRefreshToken();
        TokenResponse rotated = rp.refresh(first);
        RefreshToken second = rotated.toSuccessResponse().getTokens().getRefreshToken();
        AccessToken latest = rotated.toSuccessResponse().getTokens().getAccessToken();

        assertEquals(OAuth2Error.INVALID_GRANT, rp.refresh(first).toErrorResponse().getErrorObject(), "the old token is refused");
        assertEquals(OAuth2Error.INVALID_GRANT, rp.refresh(second).toErrorResponse().getErrorObject(), "and the newest one with it");
        assertFalse(rp.userinfo(latest).indicatesSuccess(), "and the family's access tokens");
        String events = SignetApi.admin().get("/v1/audit?type=oauth2.refresh.reuse&since=2000-01-01T00:00:00Z").expect(200).body();
        assertTrue(events.contains(app.client()), "the reuse is audited");
    }

    @Test
    void clientCredentialsOnlyForConfidentialClients() throws Exception {
        OidcFixture app = OidcFixture.confidential();
        RelyingParty rp = app.relyingParty();
        TokenResponse tokens = rp.clientCredentials(new Scope("groups"));
        assertTrue(tokens.indicatesSuccess(), () -> "client_credentials: " + tokens.toErrorResponse().getErrorObject());
        assertNull(tokens.toSuccessResponse().getTokens().getRefreshToken(), "no refresh token for client credentials");
        SignedJWT jwt = SignedJWT.parse(tokens.toSuccessResponse().getTokens().getAccessToken().getValue());
        String clientUuid = app.idm().get("/v1/oauth2/" + app.client()).expect(200).attr("uuid").get(0);
        assertEquals(clientUuid, jwt.getJWTClaimsSet().getSubject());
        assertEquals(OAuth2Error.INVALID_SCOPE, rp.clientCredentials(new Scope("admin")).toErrorResponse().getErrorObject());
        assertTrue(rp.introspect(tokens.toSuccessResponse().getTokens().getAccessToken()).toSuccessResponse().isActive());

        // Nimbus will not even build this request for a public client; a hand-made one is refused
        OidcFixture pub = OidcFixture.publicClient();
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, pub.relyingParty().metadata.getTokenEndpointURI());
        request.setContentType("application/x-www-form-urlencoded");
        request.setBody("grant_type=client_credentials&client_id=" + pub.client());
        TokenErrorResponse refused = TokenErrorResponse.parse(RelyingParty.send(request));
        // Nimbus's parser decides: a grant that needs client authentication, without any, is invalid_client
        assertEquals(OAuth2Error.INVALID_CLIENT.getCode(), refused.getErrorObject().getCode());
    }

    @Test
    void clientCredentialsAcceptOpenidAndIgnoreIt() throws Exception {
        RelyingParty rp = OidcFixture.confidential().relyingParty();
        TokenResponse tokens = rp.clientCredentials(new Scope("openid", "groups"));
        assertTrue(tokens.indicatesSuccess(), () -> "client_credentials with openid: " + tokens.toErrorResponse().getErrorObject());
        assertFalse(tokens.toSuccessResponse() instanceof OIDCTokenResponse oidc && oidc.getOIDCTokens().getIDToken() != null,
                "no id_token without a user");
        Scope granted = rp.introspect(tokens.toSuccessResponse().getTokens().getAccessToken()).toSuccessResponse().getScope();
        assertTrue(granted.contains("groups") && !granted.contains("openid"), "openid is not granted: " + granted);
        assertTrue(rp.clientCredentials(new Scope("openid")).indicatesSuccess(), "openid alone asks for nothing and is not refused");
    }

    @Test
    void aPersonOutsideEveryScopeMappedGroupIsRefused() throws Exception {
        OidcFixture app = OidcFixture.confidential();
        RelyingParty rp = app.relyingParty();
        Browser browser = new Browser();
        HttpResponse<String> after = browser.signIn(rp.authorize(SCOPE, new CodeVerifier(), new State(), null), app.outsider(),
                OidcFixture.PASSWORD);
        AuthorizationErrorResponse refused = AuthorizationResponse.parse(Browser.location(after)).toErrorResponse();
        assertEquals(OAuth2Error.ACCESS_DENIED, refused.getErrorObject());
    }

    @Test
    void consentIsAskedOnceAndADenialIsAnAccessDenied() throws Exception {
        OidcFixture app = OidcFixture.confidential();
        RelyingParty rp = app.relyingParty();
        Browser browser = new Browser();
        HttpResponse<String> consent = browser.signIn(rp.authorize(SCOPE, new CodeVerifier(), new State(), null), app.member(),
                OidcFixture.PASSWORD);
        AuthorizationResponse denied = AuthorizationResponse.parse(Browser.location(browser.consent(consent, false)));
        assertEquals(OAuth2Error.ACCESS_DENIED, denied.toErrorResponse().getErrorObject());

        HttpResponse<String> again = browser.get(rp.authorize(SCOPE, new CodeVerifier(), new State(), null));
        assertTrue(again.body().contains("decision"), "still no consent: the page asks again (the login cookie is kept)");
        assertTrue(AuthorizationResponse.parse(Browser.location(browser.consent(again, true))).indicatesSuccess());
        AuthorizationResponse silent = AuthorizationResponse.parse(Browser.location(
                browser.get(rp.authorize(new Scope("openid", "email"), new CodeVerifier(), new State(), null))));
        assertTrue(silent.indicatesSuccess(), "consented scopes are not asked for again");

        URI promptNone = URI.create(rp.authorize(SCOPE, new CodeVerifier(), new State(), null) + "&prompt=none");
        assertTrue(AuthorizationResponse.parse(Browser.location(browser.get(promptNone))).indicatesSuccess());
        AuthorizationResponse noSession = AuthorizationResponse.parse(Browser.location(new Browser().get(promptNone)));
        assertEquals("login_required", noSession.toErrorResponse().getErrorObject().getCode());
    }

    @Test
    void aSignInIsBoundToTheBrowserThatStartedIt() {
        OidcFixture app = OidcFixture.confidential();
        RelyingParty rp = app.relyingParty();
        Browser victim = new Browser();
        HttpResponse<String> login = victim.get(rp.authorize(SCOPE, new CodeVerifier(), new State(), null));
        Map<String, String> form = Browser.hidden(login.body());
        form.put("username", app.member());
        // another browser (an attacker's page posting the form, or a request id handed over) is refused
        HttpResponse<String> elsewhere = new Browser().post("/oauth2/authorize/login", form);
        assertEquals(400, elsewhere.statusCode());
        assertTrue(elsewhere.body().contains("another browser"));
        HttpResponse<String> credentials = victim.post("/oauth2/authorize/login", form);
        assertEquals(200, credentials.statusCode(), "the browser that started it carries on");
        Map<String, String> next = Browser.hidden(credentials.body());
        next.put("password", OidcFixture.PASSWORD);
        assertEquals(400, new Browser().post("/oauth2/authorize/credential", next).statusCode());
    }
}
