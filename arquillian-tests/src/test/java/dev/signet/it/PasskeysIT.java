package dev.signet.it;

import static dev.signet.it.SignetApi.json;
import static dev.signet.it.SignetApi.quote;
import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.webauthn4j.data.AttestationConveyancePreference;
import com.webauthn4j.data.AuthenticatorAssertionResponse;
import com.webauthn4j.data.AuthenticatorAttestationResponse;
import com.webauthn4j.data.AuthenticatorSelectionCriteria;
import com.webauthn4j.data.PublicKeyCredential;
import com.webauthn4j.data.PublicKeyCredentialCreationOptions;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialRequestOptions;
import com.webauthn4j.data.PublicKeyCredentialRpEntity;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.PublicKeyCredentialUserEntity;
import com.webauthn4j.data.ResidentKeyRequirement;
import com.webauthn4j.data.UserVerificationRequirement;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.test.authenticator.webauthn.PackedAuthenticator;
import com.webauthn4j.test.authenticator.webauthn.WebAuthnAuthenticatorAdaptor;
import com.webauthn4j.test.client.ClientPlatform;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Passkey registration and login ceremonies, driven by WebAuthn4J's emulated browser and authenticator. */
@ExtendWith(ArquillianExtension.class)
class PasskeysIT {
    private static final String PASSWORD = "a long enough passphrase 42";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    private static ClientPlatform browser(String origin) {
        return browser(origin, new PackedAuthenticator());
    }

    private static ClientPlatform browser(String origin, PackedAuthenticator authenticator) {
        return new ClientPlatform(new Origin(origin), new WebAuthnAuthenticatorAdaptor(authenticator));
    }

    /** Registers a passkey made by {@code browser}'s authenticator; returns the server's answer. */
    private static SignetApi.Response register(SignetApi user, ClientPlatform browser, String label) {
        JsonObject begin = user.post("/v1/self/_credential/_passkey/_begin", null).expect(200).object();
        JsonObject options = begin.getJsonObject("publicKey");
        assertEquals("required", options.getJsonObject("authenticatorSelection").getString("userVerification"));
        JsonObject rp = options.getJsonObject("rp");
        JsonObject userEntity = options.getJsonObject("user");
        PublicKeyCredential<AuthenticatorAttestationResponse, ?> credential = browser.create(new PublicKeyCredentialCreationOptions(
                new PublicKeyCredentialRpEntity(rp.getString("id"), rp.getString("name")),
                new PublicKeyCredentialUserEntity(B64D.decode(userEntity.getString("id")), userEntity.getString("name"),
                        userEntity.getString("displayName")),
                new DefaultChallenge(B64D.decode(options.getString("challenge"))),
                List.of(new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256)),
                60_000L, List.of(),
                new AuthenticatorSelectionCriteria(null, ResidentKeyRequirement.REQUIRED, UserVerificationRequirement.REQUIRED),
                AttestationConveyancePreference.NONE, null));
        AuthenticatorAttestationResponse response = credential.getResponse();
        return user.post("/v1/self/_credential/_passkey/_finish", "{\"ceremony\":" + quote(begin.getString("ceremony"))
                + ",\"label\":" + quote(label) + ",\"credential\":{\"id\":" + quote(B64.encodeToString(credential.getRawId()))
                + ",\"response\":{\"attestationObject\":" + quote(B64.encodeToString(response.getAttestationObject()))
                + ",\"clientDataJSON\":" + quote(B64.encodeToString(response.getClientDataJSON())) + "}}}");
    }

    private static List<String> strings(JsonObject state, String key) {
        return state.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** init, begin passkey, answer the challenge with {@code browser}; returns {session, final state}. */
    private static JsonObject passkeyLogin(String name, ClientPlatform browser) {
        return passkeyLogin(name, browser, false);
    }

    private static JsonObject passkeyLogin(String name, ClientPlatform browser, boolean tamperSignature) {
        SignetApi.Response init = SignetApi.anonymous().send("POST", "/v1/auth", json("{\"step\":{\"init\":" + quote(name) + "}}"), null);
        assertTrue(strings(init.object().getJsonObject("state"), "choose").contains("passkey"));
        String session = init.header(SignetApi.SESSION_HEADER);
        JsonObject begin = SignetApi.anonymous().send("POST", "/v1/auth", json("{\"step\":{\"begin\":\"passkey\"}}"), session)
                .expect(200).object().getJsonObject("state");
        JsonObject options = begin.getJsonObject("passkey").getJsonObject("publicKey");
        assertEquals("required", options.getString("userVerification"));
        // the authenticator offers its own (discoverable) credential for the rp id, as a passkey does,
        // so the server alone decides whether that credential is one of this account's
        PublicKeyCredential<AuthenticatorAssertionResponse, ?> assertion = browser.get(new PublicKeyCredentialRequestOptions(
                new DefaultChallenge(B64D.decode(options.getString("challenge"))), 60_000L, options.getString("rpId"), List.of(),
                UserVerificationRequirement.REQUIRED, null));
        AuthenticatorAssertionResponse response = assertion.getResponse();
        byte[] signature = response.getSignature().clone();
        if (tamperSignature) {
            signature[signature.length / 2] ^= 0x01;
        }
        String cred = "{\"step\":{\"cred\":{\"passkey\":{\"id\":" + quote(B64.encodeToString(assertion.getRawId()))
                + ",\"response\":{\"authenticatorData\":" + quote(B64.encodeToString(response.getAuthenticatorData()))
                + ",\"clientDataJSON\":" + quote(B64.encodeToString(response.getClientDataJSON()))
                + ",\"signature\":" + quote(B64.encodeToString(signature)) + "}}}}}";
        return SignetApi.anonymous().send("POST", "/v1/auth", json(cred), session).expect(200).object().getJsonObject("state");
    }

    @Test
    void aRegisteredPasskeyLogsInAndSeveralCanBeLabelledAndRemoved() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("pk");
        idm.createPersonWithPassword(name, PASSWORD);
        SignetApi user = SignetApi.login(name, PASSWORD);
        ClientPlatform laptop = browser("https://localhost:8443");
        ClientPlatform phone = browser("https://localhost:8443");
        String laptopKey = register(user, laptop, "laptop").expect(201).object().getString("id");
        register(user, phone, "phone").expect(201);
        List<String> labels = user.get("/v1/self/_credential/_passkey").expect(200).array().getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("label")).toList();
        assertEquals(List.of("laptop", "phone"), labels);

        JsonObject state = passkeyLogin(name, laptop);
        assertTrue(state.containsKey("success"), state.toString());
        SignetApi.withToken(state.getString("success")).get("/v1/self").expect(200);
        assertTrue(passkeyLogin(name, phone).containsKey("success"), "each passkey works");
        assertTrue(passkeyLogin(name, laptop).containsKey("success"), "again, with a grown signature counter");

        user.delete("/v1/self/_credential/_passkey/" + laptopKey).expect(204);
        assertEquals("authentication denied", passkeyLogin(name, laptop).getString("denied"), "a removed passkey no longer works");
        assertTrue(passkeyLogin(name, phone).containsKey("success"));
    }

    @Test
    void aWrongOriginAnUnknownAuthenticatorAndAReusedCeremonyAreRefused() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("pkbad");
        idm.createPersonWithPassword(name, PASSWORD);
        SignetApi user = SignetApi.login(name, PASSWORD);
        ClientPlatform good = browser("https://localhost:8443");
        register(user, good, "good").expect(201);

        assertEquals(422, register(user, browser("https://evil.example"), "phished").status(), "registration from another origin");
        JsonObject fromElsewhere = passkeyLogin(name, rehome(good, "https://evil.example"));
        assertEquals("authentication denied", fromElsewhere.getString("denied"), "an assertion for another origin");
        String other = unique("pkother");
        idm.createPersonWithPassword(other, PASSWORD);
        ClientPlatform othersKey = browser("https://localhost:8443");
        register(SignetApi.login(other, PASSWORD), othersKey, "theirs").expect(201);
        assertEquals("authentication denied", passkeyLogin(name, othersKey).getString("denied"), "another account's passkey");

        JsonObject begin = user.post("/v1/self/_credential/_passkey/_begin", null).expect(200).object();
        String body = "{\"ceremony\":" + quote(begin.getString("ceremony"))
                + ",\"credential\":{\"response\":{\"attestationObject\":\"AAAA\",\"clientDataJSON\":\"AAAA\"}}}";
        assertEquals(422, user.post("/v1/self/_credential/_passkey/_finish", body).status(), "garbage does not verify");
        assertEquals("ceremony", user.post("/v1/self/_credential/_passkey/_finish", body).expect(400).object().getString("field"),
                "a ceremony is single use");
    }

    /** The same authenticator, in a browser on another origin (a phishing site). */
    private static ClientPlatform rehome(ClientPlatform browser, String origin) {
        browser.setOrigin(new Origin(origin));
        return browser;
    }

    @Test
    void aPasskeyOnlyPolicyRefusesPasswordsButAcceptsThePasskey() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("pkonly");
        String group = unique("pkgroup");
        idm.createPersonWithPassword(name, PASSWORD);
        ClientPlatform key = browser("https://localhost:8443");
        register(SignetApi.login(name, PASSWORD), key, "key").expect(201);
        idm.post("/v1/group", "{\"attrs\":{\"name\":[\"" + group + "\"],\"member\":[\"" + name + "\"]}}").expect(201);
        idm.patch("/v1/group/" + group, SignetApi.attrs("credential_type_minimum", "passkey")).expect(200);
        assertEquals("authentication denied", SignetApi.authenticate(name, PASSWORD).getString("denied"));
        assertTrue(passkeyLogin(name, key).containsKey("success"));
    }

    @Test
    void aCounterThatStopsGrowingAndAWrongSignatureAreRefused() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("pkclone");
        idm.createPersonWithPassword(name, PASSWORD);
        PackedAuthenticator authenticator = new PackedAuthenticator();
        ClientPlatform key = browser("https://localhost:8443", authenticator);
        register(SignetApi.login(name, PASSWORD), key, "key").expect(201);
        assertTrue(passkeyLogin(name, key).containsKey("success"));
        authenticator.setCountUpEnabled(false);
        assertEquals("authentication denied", passkeyLogin(name, key).getString("denied"), "the counter did not grow");
        authenticator.setCountUpEnabled(true);
        assertEquals("authentication denied", passkeyLogin(name, key, true).getString("denied"), "a wrong signature");
        assertTrue(passkeyLogin(name, key).containsKey("success"), "the genuine authenticator still works");
    }

    @Test
    void aPasskeySignsInOnTheOAuth2LoginPage() throws Exception {
        OidcFixture app = OidcFixture.confidential();
        ClientPlatform key = browser("https://localhost:8443");
        register(SignetApi.login(app.member(), OidcFixture.PASSWORD), key, "laptop").expect(201);
        RelyingParty rp = app.relyingParty();
        com.nimbusds.oauth2.sdk.pkce.CodeVerifier verifier = new com.nimbusds.oauth2.sdk.pkce.CodeVerifier();
        com.nimbusds.openid.connect.sdk.Nonce nonce = new com.nimbusds.openid.connect.sdk.Nonce();
        Browser user = new Browser();
        java.net.http.HttpResponse<String> login = user.get(rp.authorize(new com.nimbusds.oauth2.sdk.Scope("openid", "email"), verifier,
                new com.nimbusds.oauth2.sdk.id.State(), nonce));
        java.util.Map<String, String> form = Browser.hidden(login.body());
        form.put("username", app.member());
        java.net.http.HttpResponse<String> credentials = user.post("/oauth2/authorize/login", form);
        assertTrue(credentials.body().contains("/oauth2/authorize/passkey"), "the page offers the passkey");
        java.util.Map<String, String> choose = new java.util.LinkedHashMap<>();
        choose.put("request", form.get("request"));
        choose.put("username", app.member());
        java.net.http.HttpResponse<String> page = user.post("/oauth2/authorize/passkey", choose);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("script-src 'nonce-"));
        // the options ride in a data attribute for the console's script (the page has no inline script)
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("data-options=\"([^\"]*)\"").matcher(page.body());
        assertTrue(script.find(), "the page carries the request options");
        String json = script.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'").replace("&amp;", "&");
        JsonObject options = jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject().getJsonObject("publicKey");
        PublicKeyCredential<AuthenticatorAssertionResponse, ?> assertion = key.get(new PublicKeyCredentialRequestOptions(
                new DefaultChallenge(B64D.decode(options.getString("challenge"))), 60_000L, options.getString("rpId"), List.of(),
                UserVerificationRequirement.REQUIRED, null));
        AuthenticatorAssertionResponse response = assertion.getResponse();
        // what the page's script posts: the credential as JSON, binary fields base64url
        String posted = "{\"id\":" + quote(B64.encodeToString(assertion.getRawId())) + ",\"type\":\"public-key\",\"response\":{"
                + "\"authenticatorData\":" + quote(B64.encodeToString(response.getAuthenticatorData()))
                + ",\"clientDataJSON\":" + quote(B64.encodeToString(response.getClientDataJSON()))
                + ",\"signature\":" + quote(B64.encodeToString(response.getSignature())) + ",\"userHandle\":null}}";
        java.util.Map<String, String> finish = Browser.hidden(page.body());
        finish.put("assertion", posted);
        java.net.http.HttpResponse<String> consent = user.post("/oauth2/authorize/passkey/finish", finish);
        com.nimbusds.oauth2.sdk.AuthorizationResponse answer = com.nimbusds.oauth2.sdk.AuthorizationResponse.parse(
                Browser.location(user.consent(consent, true)));
        com.nimbusds.openid.connect.sdk.OIDCTokenResponse tokens = (com.nimbusds.openid.connect.sdk.OIDCTokenResponse) rp.redeem(
                answer.toSuccessResponse().getAuthorizationCode().getValue(), verifier);
        com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet id = rp.validate(tokens.getOIDCTokens().getIDToken(), nonce,
                com.nimbusds.jose.JWSAlgorithm.ES256);
        assertEquals("passkey", id.getACR().getValue());
        assertEquals(List.of("hwk", "user"), id.getAMR().stream().map(Object::toString).toList());
    }
}
