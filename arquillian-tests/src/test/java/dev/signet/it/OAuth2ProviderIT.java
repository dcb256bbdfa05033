package dev.signet.it;

import static dev.signet.it.SignetApi.list;
import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;

/**
 * The provider around the code flow: the client registry, scope and claim maps, key rotation and
 * RS256, the device authorization grant, and multi-factor login on the sign-in pages.
 */
@ExtendWith(ArquillianExtension.class)
class OAuth2ProviderIT {
    private static final Scope OPENID = new Scope("openid", "profile", "email", "groups");

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    private static OIDCTokenResponse signIn(OidcFixture app, RelyingParty rp, Scope scope, CodeVerifier verifier, Nonce nonce) throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> after = browser.signIn(rp.authorize(scope, verifier, new State(), nonce), app.member(), OidcFixture.PASSWORD);
        if (after.statusCode() == 200) {
            after = browser.consent(after, true);
        }
        AuthorizationResponse response = AuthorizationResponse.parse(Browser.location(after));
        TokenResponse tokens = rp.redeem(response.toSuccessResponse().getAuthorizationCode().getValue(), verifier);
        assertTrue(tokens.indicatesSuccess(), () -> "token: " + tokens.toErrorResponse().getErrorObject());
        return (OIDCTokenResponse) tokens;
    }

    @Test
    void theRegistryValidatesRedirectUrisRotatesSecretsAndIsForOAuth2AdminsOnly() {
        OidcFixture app = OidcFixture.confidential();
        SignetApi idm = app.idm();
        String path = "/v1/oauth2/" + app.client();
        SignetApi.Response shown = idm.get(path).expect(200);
        assertEquals(List.of(app.redirect().toString()), shown.attr("oauth2_rs_origin"));
        assertFalse(shown.body().contains(app.secret()), "the secret is never shown again");
        assertTrue(idm.get("/v1/oauth2").expect(200).body().contains(app.client()));

        for (String bad : List.of("http://app.example.com/cb", "https://*.example.com/cb", "https://app.example.com/cb#frag", "/relative",
                "javascript:alert(1)")) {
            assertEquals("oauth2_rs_origin", idm.post(path + "/_attr/oauth2_rs_origin", list(bad)).expect(400).object().getString("field"), bad);
        }
        assertEquals(400, idm.patch(path, "{\"attrs\":{\"oauth2_access_token_expiry\":[\"7200\"]}}").status(), "at most an hour");
        idm.patch(path, "{\"attrs\":{\"oauth2_access_token_expiry\":[\"600\"]}}").expect(200);

        String rotated = idm.post(path + "/_basic_secret", "").expect(200).object().getString("client_secret");
        assertNotEquals(app.secret(), rotated);
        assertEquals(OAuth2Error.INVALID_CLIENT.getCode(), app.relyingParty().clientCredentials(new Scope("groups"))
                .toErrorResponse().getErrorObject().getCode(), "the old secret stops working");
        TokenResponse withNew = RelyingParty.discover(app.client(), rotated, app.redirect()).clientCredentials(new Scope("groups"));
        assertTrue(withNew.indicatesSuccess());
        assertEquals(600, withNew.toSuccessResponse().getTokens().getAccessToken().getLifetime());

        SignetApi person = SignetApi.login(app.member(), OidcFixture.PASSWORD);
        assertEquals(403, person.get("/v1/oauth2").status());
        assertEquals(403, person.post("/v1/oauth2/_public", "{\"attrs\":{\"name\":[\"" + unique("x") + "\"]}}").status());
        assertEquals(400, idm.patch("/v1/oauth2/" + OidcFixture.publicClient().client(),
                "{\"attrs\":{\"oauth2_allow_insecure_client_disable_pkce\":[\"true\"]}}").status(), "public clients keep PKCE");

        idm.delete(path).expect(204);
        assertEquals(404, SignetApi.anonymous().get("/oauth2/openid/" + app.client() + "/.well-known/openid-configuration").status());
    }

    @Test
    void loopbackRedirectsNeedTheClientToOptIn() {
        OidcFixture app = OidcFixture.publicClient();
        String path = "/v1/oauth2/" + app.client();
        app.idm().post(path + "/_attr/oauth2_rs_origin", list("http://localhost:8765/callback")).expect(200);
        RelyingParty native8765 = RelyingParty.discover(app.client(), null, URI.create("http://localhost:8765/callback"));
        assertEquals(400, new Browser().get(native8765.authorize(OPENID, new CodeVerifier(), new State(), null)).statusCode());

        app.idm().put(path + "/_attr/oauth2_allow_localhost_redirect", list("true")).expect(200);
        RelyingParty nativeOtherPort = RelyingParty.discover(app.client(), null, URI.create("http://localhost:40123/callback"));
        assertEquals(200, new Browser().get(nativeOtherPort.authorize(OPENID, new CodeVerifier(), new State(), null)).statusCode(),
                "RFC 8252: any loopback port");
        RelyingParty otherPath = RelyingParty.discover(app.client(), null, URI.create("http://localhost:8765/elsewhere"));
        assertEquals(400, new Browser().get(otherPath.authorize(OPENID, new CodeVerifier(), new State(), null)).statusCode());
    }

    @Test
    void scopeMapsClaimMapsAndClaimFormatsShapeTheIdToken() throws Exception {
        OidcFixture app = OidcFixture.confidential();
        SignetApi idm = app.idm();
        String path = "/v1/oauth2/" + app.client();
        String admins = unique("app_admins");
        idm.createGroup(admins);
        idm.post("/v1/group/" + admins + "/_attr/member", list(app.member())).expect(200);
        idm.post(path + "/_sup_scopemap/" + admins, list("ssh_publickeys")).expect(200);
        idm.post(path + "/_claimmap/department/" + app.group(), list("engineering")).expect(200);
        idm.post(path + "/_claimmap/department/" + admins, list("operations")).expect(200);
        assertEquals(400, idm.post(path + "/_claimmap/sub/" + admins, list("x")).status(), "Signet's own claims cannot be mapped");
        idm.patch(path, "{\"attrs\":{\"oauth2_groups_claim\":[\"name\"],\"oauth2_prefer_short_username\":[\"true\"]}}").expect(200);
        String key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH0NIlGpYc7PoW+jz1tQF27Wkw5s7Ykr0nTY1RsY6bQx alice@laptop";
        idm.post("/v1/person/" + app.member() + "/_ssh_pubkeys", list("laptop", key)).expect(200);

        RelyingParty rp = app.relyingParty();
        assertTrue(rp.metadata.getScopes().contains("ssh_publickeys"));
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        OIDCTokenResponse tokens = signIn(app, rp, new Scope("openid", "profile", "groups", "ssh_publickeys"), verifier, nonce);
        IDTokenClaimsSet id = rp.validate(tokens.getOIDCTokens().getIDToken(), nonce, JWSAlgorithm.ES256);
        assertEquals(app.member(), id.getStringClaim("preferred_username"));
        assertTrue(id.getStringListClaim("groups").containsAll(List.of(app.group(), admins)), "names, transitive");
        assertEquals(List.of("engineering", "operations"), id.getStringListClaim("department"));
        assertEquals(List.of(key), id.getStringListClaim("ssh_publickeys"));

        idm.delete(path + "/_scopemap/" + app.group()).expect(200);
        Browser browser = new Browser();
        HttpResponse<String> after = browser.signIn(rp.authorize(new Scope("openid"), new CodeVerifier(), new State(), null),
                app.member(), OidcFixture.PASSWORD);
        assertEquals(OAuth2Error.ACCESS_DENIED, AuthorizationResponse.parse(Browser.location(after)).toErrorResponse().getErrorObject(),
                "a supplementary map alone admits nobody");
        assertFalse(rp.refresh(tokens.getOIDCTokens().getRefreshToken()).indicatesSuccess(), "refresh re-checks the scope maps");
    }

    @Test
    void rotatedKeysStayPublishedAndLegacyClientsGetRs256() throws Exception {
        OidcFixture app = OidcFixture.confidential();
        RelyingParty rp = app.relyingParty();
        Nonce nonce = new Nonce();
        OIDCTokenResponse before = signIn(app, rp, OPENID, new CodeVerifier(), nonce);
        String oldKid = ((SignedJWT) before.getOIDCTokens().getIDToken()).getHeader().getKeyID();

        app.idm().post("/v1/oauth2/" + app.client() + "/_rotate_keys", "").expect(200);
        assertEquals(2, rp.jwks().getKeys().size(), "the retired key is still published");
        rp.validate(before.getOIDCTokens().getIDToken(), nonce, JWSAlgorithm.ES256);
        assertTrue(rp.userinfo(before.getOIDCTokens().getAccessToken()).indicatesSuccess(), "tokens signed before rotation still work");
        OIDCTokenResponse after = signIn(app, rp, OPENID, new CodeVerifier(), new Nonce());
        assertNotEquals(oldKid, ((SignedJWT) after.getOIDCTokens().getIDToken()).getHeader().getKeyID());

        app.idm().patch("/v1/oauth2/" + app.client(), "{\"attrs\":{\"oauth2_jwt_legacy_crypto_enable\":[\"true\"]}}").expect(200);
        RelyingParty legacy = app.relyingParty();
        assertEquals(List.of(JWSAlgorithm.RS256), legacy.metadata.getIDTokenJWSAlgs());
        Nonce rsNonce = new Nonce();
        OIDCTokenResponse rs = signIn(app, legacy, OPENID, new CodeVerifier(), rsNonce);
        assertEquals(JWSAlgorithm.RS256, ((SignedJWT) rs.getOIDCTokens().getIDToken()).getHeader().getAlgorithm());
        legacy.validate(rs.getOIDCTokens().getIDToken(), rsNonce, JWSAlgorithm.RS256);
    }

    @Test
    void aDeviceIsSignedInWithAUserCode() throws Exception {
        OidcFixture app = OidcFixture.publicClient();
        RelyingParty rp = app.relyingParty();
        DeviceAuthorizationResponse started = DeviceAuthorizationResponse.parse(RelyingParty.send(new DeviceAuthorizationRequest(
                rp.metadata.getDeviceAuthorizationEndpointURI(), rp.clientId, OPENID).toHTTPRequest()));
        assertTrue(started.indicatesSuccess());
        DeviceAuthorizationSuccessResponse device = started.toSuccessResponse();
        DeviceCodeGrant grant = new DeviceCodeGrant(device.getDeviceCode());
        assertEquals("authorization_pending", rp.token(grant, null).toErrorResponse().getErrorObject().getCode());
        assertEquals("slow_down", rp.token(grant, null).toErrorResponse().getErrorObject().getCode(), "polled faster than the interval");

        Browser browser = new Browser();
        assertEquals(400, browser.get(URI.create(device.getVerificationURI() + "?user_code=BCDF-GHJK")).statusCode());
        String typed = device.getUserCode().getValue().toLowerCase().replace("-", " ");
        HttpResponse<String> consent = browser.signIn(URI.create(device.getVerificationURI() + "?user_code="
                + URLEncoder.encode(typed, StandardCharsets.UTF_8)), app.member(), OidcFixture.PASSWORD);
        HttpResponse<String> done = browser.consent(consent, true);
        assertEquals(200, done.statusCode());
        assertTrue(done.body().contains("signed in"));

        // an approval is handed out on the next poll, however soon: no need to wait out the interval
        TokenResponse tokens = rp.token(grant, null);
        assertTrue(tokens.indicatesSuccess(), () -> "device token: " + tokens.toErrorResponse().getErrorObject());
        assertTrue(rp.userinfo(tokens.toSuccessResponse().getTokens().getAccessToken()).indicatesSuccess());
        assertEquals("expired_token", rp.token(grant, null).toErrorResponse().getErrorObject().getCode(), "handed out once");
    }

    private static DeviceAuthorizationSuccessResponse startDevice(RelyingParty rp) throws Exception {
        DeviceAuthorizationResponse started = DeviceAuthorizationResponse.parse(RelyingParty.send(new DeviceAuthorizationRequest(
                rp.metadata.getDeviceAuthorizationEndpointURI(), rp.clientId, OPENID).toHTTPRequest()));
        assertTrue(started.indicatesSuccess());
        return started.toSuccessResponse();
    }

    /** The device has no tokens yet: its poll says to go on waiting (or to wait longer). */
    private static void assertStillWaiting(RelyingParty rp, DeviceCodeGrant grant, String why) {
        TokenResponse poll = rp.token(grant, null);
        assertFalse(poll.indicatesSuccess(), why);
        assertTrue(Set.of("authorization_pending", "slow_down").contains(poll.toErrorResponse().getErrorObject().getCode()), why);
    }

    @Test
    void aLinkWithAUserCodeNeverApprovesADeviceWithoutAConfirmingPost() throws Exception {
        OidcFixture app = OidcFixture.publicClient();
        RelyingParty rp = app.relyingParty();
        // the person signs in one device of this application, consenting: a session and a consent now exist
        Browser person = new Browser();
        DeviceAuthorizationSuccessResponse own = startDevice(rp);
        person.consent(person.signIn(own.getVerificationURIComplete(), app.member(), OidcFixture.PASSWORD), true);
        assertTrue(rp.token(new DeviceCodeGrant(own.getDeviceCode()), null).indicatesSuccess());

        // an attacker starts a device and sends the person its verification_uri_complete
        DeviceAuthorizationSuccessResponse attackers = startDevice(rp);
        DeviceCodeGrant attackerGrant = new DeviceCodeGrant(attackers.getDeviceCode());
        HttpResponse<String> page = person.get(attackers.getVerificationURIComplete());
        assertEquals(200, page.statusCode());
        assertStillWaiting(rp, attackerGrant, "opening the link approves nothing");
        assertTrue(page.body().contains("id=\"user_code\">" + attackers.getUserCode().getValue() + "<"), "the page shows the user code");
        assertTrue(page.body().contains("App " + app.client()), "and names the client");
        assertTrue(page.body().contains("openid: that you signed in") && page.body().contains("groups: the groups"), "and the scopes");
        assertTrue(page.body().contains("method=\"post\" action=\"/oauth2/authorize/consent\""));
        Map<String, String> form = Browser.hidden(page.body());
        assertTrue(form.get("consent_token").length() >= 32, "the form carries a token of its own");

        Map<String, String> forged = new HashMap<>(form);
        forged.put("consent_token", "not-the-token-of-this-page-0000000000");
        forged.put("decision", "allow");
        assertEquals(400, person.post("/oauth2/authorize/consent", forged).statusCode(), "a post without the page's token");
        Map<String, String> elsewhere = new HashMap<>(form);
        elsewhere.put("decision", "allow");
        HttpResponse<String> crossSite = new Browser().post("/oauth2/authorize/consent", elsewhere);
        assertEquals(400, crossSite.statusCode(), "a post from another browser (no cookies: a cross-site form)");
        assertStillWaiting(rp, attackerGrant, "neither approves");

        HttpResponse<String> denied = person.consent(person.get(attackers.getVerificationURIComplete()), false);
        assertEquals(200, denied.statusCode());
        assertTrue(denied.body().contains("not signed in"), denied.body());
        assertEquals(OAuth2Error.ACCESS_DENIED.getCode(), rp.token(attackerGrant, null).toErrorResponse().getErrorObject().getCode());
        assertEquals(400, person.get(attackers.getVerificationURIComplete()).statusCode(), "a decided code is gone");

        DeviceAuthorizationSuccessResponse second = startDevice(rp);
        HttpResponse<String> confirmed = person.consent(person.get(second.getVerificationURIComplete()), true);
        assertTrue(confirmed.body().contains("signed in"), confirmed.body());
        TokenResponse tokens = rp.token(new DeviceCodeGrant(second.getDeviceCode()), null);
        assertTrue(tokens.indicatesSuccess(), () -> "device token: " + tokens.toErrorResponse().getErrorObject());
        String events = SignetApi.admin().get("/v1/audit?type=oauth2.device.approve&since=2000-01-01T00:00:00Z").expect(200).body();
        assertTrue(events.contains("client " + app.client()), "the approval is audited");
    }

    @Test
    void wrongUserCodesAreLimitedPerSourceAddress() throws Exception {
        OidcFixture app = OidcFixture.publicClient();
        DeviceAuthorizationSuccessResponse device = startDevice(app.relyingParty());
        String right = "/oauth2/device?user_code=" + device.getUserCode().getValue();
        // from an address of its own (the rest of the suite talks from 127.0.0.1): ten wrong codes a minute
        String guesser = "127.0.0.23";
        for (int i = 0; i < 9; i++) {
            assertEquals(400, LoopbackHttps.get(guesser, "/oauth2/device?user_code=BCDF-GH" + "JKLM".charAt(i % 4) + "N").status());
        }
        assertEquals(200, LoopbackHttps.get(guesser, right).status(), "a right code is not counted");
        assertEquals(400, LoopbackHttps.get(guesser, "/oauth2/device?user_code=QQQQ-QQQQ").status(), "the tenth wrong code");
        LoopbackHttps.Answer limited = LoopbackHttps.get(guesser, "/oauth2/device?user_code=RRRR-RRRR");
        assertEquals(429, limited.status());
        assertTrue(Long.parseLong(limited.header("Retry-After")) >= 1, () -> limited.headers().toString());
        assertTrue(limited.body().contains("<h1>Too many attempts</h1>"), limited.body());
        assertEquals(429, LoopbackHttps.get(guesser, right).status(), "while limited, no code is looked up");
        assertEquals(200, new Browser().get(URI.create(SignetServer.HTTPS + right)).statusCode(), "another address goes on");
    }

    @Test
    void aPersonWithTotpSignsInWithCodeAndPassword() throws Exception {
        OidcFixture app = OidcFixture.confidential();
        String otpauth = MultiFactorIT.enrol(SignetApi.login(app.member(), OidcFixture.PASSWORD), "{}");
        RelyingParty rp = app.relyingParty();
        Browser browser = new Browser();
        HttpResponse<String> login = browser.get(rp.authorize(OPENID, new CodeVerifier(), new State(), null));
        Map<String, String> form = Browser.hidden(login.body());
        form.put("username", app.member());
        HttpResponse<String> credentials = browser.post("/oauth2/authorize/login", form);
        assertTrue(credentials.body().contains("name=\"totp\""), "passwordmfa asks for the code too");
        Map<String, String> wrong = Browser.hidden(credentials.body());
        wrong.put("password", OidcFixture.PASSWORD);
        HttpResponse<String> passwordOnly = browser.post("/oauth2/authorize/credential", wrong);
        assertEquals(400, passwordOnly.statusCode(), "the password alone is not enough");
        assertTrue(passwordOnly.headers().firstValue("Set-Cookie").isEmpty());

        credentials = browser.post("/oauth2/authorize/login", form);
        Map<String, String> both = Browser.hidden(credentials.body());
        both.put("totp", MultiFactorIT.code(otpauth, Instant.now().plusSeconds(30)));
        both.put("password", OidcFixture.PASSWORD);
        HttpResponse<String> consent = browser.post("/oauth2/authorize/credential", both);
        AuthorizationResponse response = AuthorizationResponse.parse(Browser.location(browser.consent(consent, true)));
        assertTrue(response.indicatesSuccess());
        CodeVerifier unused = new CodeVerifier();
        assertEquals(OAuth2Error.INVALID_GRANT, rp.redeem(response.toSuccessResponse().getAuthorizationCode().getValue(), unused)
                .toErrorResponse().getErrorObject(), "bound to the verifier of the request");
    }
}
