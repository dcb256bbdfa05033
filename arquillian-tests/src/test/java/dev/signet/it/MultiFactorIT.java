package dev.signet.it;

import static dev.signet.it.SignetApi.json;
import static dev.signet.it.SignetApi.quote;
import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.io.ByteArrayOutputStream;

/** TOTP enrolment, passwordmfa logins, replay refusal and single-use backup codes. */
@ExtendWith(ArquillianExtension.class)
class MultiFactorIT {
    private static final String PASSWORD = "a long enough passphrase 42";
    private static final String DENIED = "authentication denied";

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    /** An authenticator app: the code for {@code at} from an otpauth:// URI. */
    static String code(String otpauth, Instant at) throws Exception {
        String query = URI.create(otpauth).getRawQuery();
        String secret = null;
        String algorithm = "SHA1";
        int digits = 6;
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            switch (kv[0]) {
                case "secret" -> secret = kv[1];
                case "algorithm" -> algorithm = kv[1];
                case "digits" -> digits = Integer.parseInt(kv[1]);
                default -> { }
            }
        }
        String mac = "Hmac" + algorithm;
        TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), digits, mac);
        int otp = generator.generateOneTimePassword(new SecretKeySpec(base32(secret), mac), at);
        return String.format(Locale.ROOT, "%0" + digits + "d", otp);
    }

    private static byte[] base32(String value) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : value.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write(buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    private record Steps(String session, JsonObject state) {
    }

    private static Steps step(String session, String body) {
        SignetApi.Response response = SignetApi.anonymous().send("POST", "/v1/auth", json(body), session);
        return new Steps(response.header(SignetApi.SESSION_HEADER), response.object().getJsonObject("state"));
    }

    private static List<String> strings(JsonObject state, String key) {
        return state.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** init, begin passwordmfa, the second factor, then the password; the final state. */
    private static JsonObject mfaLogin(String name, String factor, String value, String password) {
        Steps init = step(null, "{\"step\":{\"init\":" + quote(name) + "}}");
        assertEquals(List.of("passwordmfa"), strings(init.state(), "choose"));
        Steps begin = step(init.session(), "{\"step\":{\"begin\":\"passwordmfa\"}}");
        assertEquals(List.of("totp", "backup_code"), strings(begin.state(), "continue"));
        Steps second = step(init.session(), "{\"step\":{\"cred\":{\"" + factor + "\":" + quote(value) + "}}}");
        if (second.state().containsKey("denied")) {
            return second.state();
        }
        assertEquals(List.of("password"), strings(second.state(), "continue"));
        return step(init.session(), "{\"step\":{\"cred\":{\"password\":" + quote(password) + "}}}").state();
    }

    static String enrol(SignetApi user, String body) throws Exception {
        JsonObject enrolment = user.post("/v1/self/_credential/_totp", body).expect(201).object();
        String uri = enrolment.getString("uri");
        assertTrue(uri.startsWith("otpauth://totp/localhost:"), uri);
        String id = enrolment.getString("id");
        assertEquals("code", user.post("/v1/self/_credential/_totp/" + id + "/_verify", "{\"code\":\"000000\"}".replace("000000",
                wrong(code(uri, Instant.now())))).expect(422).object().getString("field"));
        user.post("/v1/self/_credential/_totp/" + id + "/_verify", "{\"code\":" + quote(code(uri, Instant.now())) + "}").expect(204);
        return uri;
    }

    private static String wrong(String code) {
        return code.charAt(0) == '9' ? "1" + code.substring(1) : (char) (code.charAt(0) + 1) + code.substring(1);
    }

    @Test
    void totpMakesThePasswordAloneInsufficientAndACodeWorksOnce() throws Exception {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("totp");
        idm.createPersonWithPassword(name, PASSWORD);
        SignetApi user = SignetApi.login(name, PASSWORD);
        String uri = enrol(user, "{\"label\":\"phone\"}");

        Steps init = step(null, "{\"step\":{\"init\":" + quote(name) + "}}");
        assertEquals(List.of("passwordmfa"), strings(init.state(), "choose"));
        assertEquals("begin", SignetApi.anonymous().send("POST", "/v1/auth", json("{\"step\":{\"begin\":\"password\"}}"), init.session())
                .expect(400).object().getString("field"), "the password alone is no longer offered");

        // the enrolment used the current step's code; the next step's code logs in, then not again
        String next = code(uri, Instant.now().plusSeconds(30));
        assertTrue(mfaLogin(name, "totp", next, PASSWORD).containsKey("success"));
        assertEquals(DENIED, mfaLogin(name, "totp", next, PASSWORD).getString("denied"), "a used code is not accepted again");
        assertEquals(DENIED, mfaLogin(name, "totp", wrong(code(uri, Instant.now().plusSeconds(60))), PASSWORD).getString("denied"));
        // the right code with the wrong password still fails
        JsonObject wrongPassword = mfaLogin(name, "totp", code(uri, Instant.now().plusSeconds(60)), "not the passphrase at all");
        assertEquals(DENIED, wrongPassword.getString("denied"));
    }

    @Test
    void sha512WithEightDigitsIsSupported() throws Exception {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("totp8");
        idm.createPersonWithPassword(name, PASSWORD);
        SignetApi user = SignetApi.login(name, PASSWORD);
        String uri = enrol(user, "{\"algorithm\":\"SHA512\",\"digits\":8}");
        assertTrue(uri.contains("algorithm=SHA512") && uri.contains("digits=8"), uri);
        String next = code(uri, Instant.now().plusSeconds(30));
        assertEquals(8, next.length());
        assertTrue(mfaLogin(name, "totp", next, PASSWORD).containsKey("success"));
        assertEquals("digits", user.post("/v1/self/_credential/_totp", "{\"digits\":7}").expect(400).object().getString("field"));
    }

    @Test
    void backupCodesAreShownOnceWorkOnceAndAreStoredHashed() throws Exception {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("backup");
        idm.createPersonWithPassword(name, PASSWORD);
        SignetApi user = SignetApi.login(name, PASSWORD);
        assertEquals(400, user.post("/v1/self/_credential/_backup_codes", null).status(), "backup codes need an authenticator first");
        enrol(user, "{}");
        List<String> codes = user.post("/v1/self/_credential/_backup_codes", null).expect(200).object()
                .getJsonArray("codes").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        assertEquals(8, codes.size());
        assertEquals(8, codes.stream().distinct().count());

        assertTrue(mfaLogin(name, "backup_code", codes.get(0), PASSWORD).containsKey("success"));
        assertEquals(DENIED, mfaLogin(name, "backup_code", codes.get(0), PASSWORD).getString("denied"), "single use");
        assertTrue(mfaLogin(name, "backup_code", codes.get(1).toUpperCase(Locale.ROOT), PASSWORD).containsKey("success"));

        String events = SignetApi.admin().get("/v1/audit?since=" + Instant.now().minusSeconds(120)).expect(200).body();
        for (String code : codes) {
            assertFalse(events.contains(code), "no backup code in the audit trail");
        }
    }

    @Test
    void aRemovedAuthenticatorBringsThePasswordBack() throws Exception {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("rmtotp");
        idm.createPersonWithPassword(name, PASSWORD);
        SignetApi user = SignetApi.login(name, PASSWORD);
        JsonObject enrolment = user.post("/v1/self/_credential/_totp", "{}").expect(201).object();
        user.post("/v1/self/_credential/_totp/" + enrolment.getString("id") + "/_verify",
                "{\"code\":" + quote(code(enrolment.getString("uri"), Instant.now())) + "}").expect(204);
        assertEquals(404, SignetApi.idmAdmin().delete("/v1/self/_credential/_totp/" + enrolment.getString("id")).status(),
                "another account's authenticator is not found");
        user.delete("/v1/self/_credential/_totp/" + enrolment.getString("id")).expect(204);
        SignetApi.login(name, PASSWORD);
    }

    @Test
    void anAccountPolicyRequiringMfaRefusesThePasswordAloneAndPrivilegedGroupsRequireItByDefault() throws Exception {
        SignetApi idm = SignetApi.idmAdmin();
        String group = unique("mfaonly");
        String plain = unique("plainpw");
        String strong = unique("withtotp");
        idm.createPersonWithPassword(plain, PASSWORD);
        idm.createPersonWithPassword(strong, PASSWORD);
        String uri = enrol(SignetApi.login(strong, PASSWORD), "{}");
        idm.post("/v1/group", "{\"attrs\":{\"name\":[\"" + group + "\"],\"member\":[\"" + plain + "\",\"" + strong + "\"]}}").expect(201);
        assertEquals("credential_type_minimum",
                idm.patch("/v1/group/" + group, SignetApi.attrs("credential_type_minimum", "sometimes")).expect(400).object().getString("field"));
        idm.patch("/v1/group/" + group, SignetApi.attrs("credential_type_minimum", "MFA")).expect(200);
        assertEquals(List.of("mfa"), idm.get("/v1/group/" + group).expect(200).attr("credential_type_minimum"));

        assertEquals(DENIED, SignetApi.authenticate(plain, PASSWORD).getString("denied"), "the password alone no longer does");
        assertTrue(mfaLogin(strong, "totp", code(uri, Instant.now().plusSeconds(30)), PASSWORD).containsKey("success"));

        String admin = unique("newadmin");
        idm.createPersonWithPassword(admin, "a long enough passphrase for admins 42");
        SignetApi.admin().post("/v1/group/idm_admins/_attr/member", SignetApi.list(admin)).expect(200);
        assertEquals(DENIED, SignetApi.authenticate(admin, "a long enough passphrase for admins 42").getString("denied"),
                "members of idm_admins need MFA by default");
        SignetApi.idmAdmin().get("/v1/self").expect(200); // the break-glass account keeps its password login

        String events = SignetApi.admin().get("/v1/audit?type=auth.failure&since=" + Instant.now().minusSeconds(60)).expect(200).body();
        assertTrue(events.contains("account policy requires credential type mfa"), events);
    }
    /**
     * An unknown name may be answered like an account with an authenticator (Signet answers
     * unknown names with stable decoys): the same mechanisms, the same steps, the same denial,
     * and the same answer every time it is asked, so the answers do not tell which names exist.
     */
    @Test
    void anUnknownNameIsAnsweredLikeAnAccountWithAnAuthenticator() throws Exception {
        SignetApi idm = SignetApi.idmAdmin();
        String real = unique("hastotp");
        idm.createPersonWithPassword(real, PASSWORD);
        String uri = enrol(SignetApi.login(real, PASSWORD), "{}");
        String ghost = null;
        for (int tries = 0; tries < 64 && ghost == null; tries++) {
            String candidate = unique("ghost");
            if (strings(step(null, "{\"step\":{\"init\":" + quote(candidate) + "}}").state(), "choose").equals(List.of("passwordmfa"))) {
                ghost = candidate;
            }
        }
        assertTrue(ghost != null, "no unknown name was answered like an account with an authenticator");

        for (String name : List.of(real, ghost)) {
            Steps init = step(null, "{\"step\":{\"init\":" + quote(name) + "}}");
            assertEquals(List.of("passwordmfa"), strings(init.state(), "choose"), name);
            assertEquals(init.state(), step(null, "{\"step\":{\"init\":" + quote(name) + "}}").state(), "asked again: " + name);
            assertEquals("begin", SignetApi.anonymous().send("POST", "/v1/auth", json("{\"step\":{\"begin\":\"password\"}}"),
                    init.session()).expect(400).object().getString("field"), name);
            Steps begin = step(init.session(), "{\"step\":{\"begin\":\"passwordmfa\"}}");
            assertEquals(List.of("totp", "backup_code"), strings(begin.state(), "continue"), name);
            Steps second = step(init.session(), "{\"step\":{\"cred\":{\"totp\":" + quote(wrong(code(uri, Instant.now()))) + "}}}");
            assertEquals(DENIED, second.state().getString("denied"), name);
        }
    }

    /** "x", " X " and "x@localhost" are one name, for a name without an account as for a real one. */
    @Test
    void anUnknownNameIsAnsweredAlikeHoweverItIsSpelled() {
        for (int i = 0; i < 20; i++) {
            String ghost = unique("spelled");
            List<String> plain = strings(step(null, "{\"step\":{\"init\":" + quote(ghost) + "}}").state(), "choose");
            assertEquals(plain, strings(step(null, "{\"step\":{\"init\":" + quote(ghost + "@localhost") + "}}").state(), "choose"), ghost);
            assertEquals(plain, strings(step(null, "{\"step\":{\"init\":" + quote(" " + ghost.toUpperCase(Locale.ROOT) + " ") + "}}")
                    .state(), "choose"), ghost);
        }
    }
}
