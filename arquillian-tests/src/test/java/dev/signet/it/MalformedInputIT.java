package dev.signet.it;

import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import com.nimbusds.oauth2.sdk.Scope;
import java.net.URI;
import java.net.URLEncoder;
import java.util.Base64;
import java.util.UUID;

/**
 * Mutation fuzzing of the JSON bodies the REST API parses (seeded, so a failure repeats): every
 * mangled body gets a 4xx problem, never a 500, and the server keeps serving.
 */
@ExtendWith(ArquillianExtension.class)
class MalformedInputIT {
    private static final long SEED = 20261127L;
    private static final int ROUNDS = 60;
    private static final HttpClient RAW = HttpClient.newBuilder().sslContext(SignetApi.trustingTls()).build();

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    /** A valid body mangled one way: cut, a byte flipped, a value's type changed, nested deep, blown up. */
    private static String mutate(String valid, Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> valid.substring(0, random.nextInt(valid.length()));
            case 1 -> {
                char[] chars = valid.toCharArray();
                chars[random.nextInt(chars.length)] = (char) (random.nextInt(95) + 32);
                yield new String(chars);
            }
            case 2 -> valid.replaceFirst("\"[^\"]*\"(?=\\s*[,}\\]])", List.of("42", "true", "null", "[]", "{}", "-1e999").get(random.nextInt(6)));
            case 3 -> "[".repeat(5000) + "]".repeat(5000);
            case 4 -> valid.replaceFirst("\"([^\"]*)\"(?=\\s*[,}\\]])", "\"" + "x".repeat(100_000) + "\"");
            case 5 -> "{\"step\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2001);
            default -> new String(new char[] {'\u0000', '\uFFFF', '{', '"'}) + valid;
        };
    }

    private static void assertRefusedCleanly(SignetApi.Response response, String path, String body) {
        int status = response.status();
        assertTrue(status >= 400 && status < 500, path + " answered " + status + " to " + body.substring(0, Math.min(200, body.length()))
                + ": " + response.body());
        assertTrue(response.header("Content-Type") == null || status == 404 || status == 405 || status == 415
                || response.header("Content-Type").startsWith("application/problem+json"), path + " " + response.header("Content-Type"));
    }

    @Test
    void mangledBodiesAreRefusedWithProblemsAndNeverBreakTheServer() {
        SignetApi idm = SignetApi.idmAdmin();
        String person = unique("fuzz");
        idm.createPerson(person);
        List<String[]> targets = List.of(
                new String[] {"POST", "/v1/auth", "{\"step\":{\"init\":\"idm_admin\"}}"},
                new String[] {"POST", "/v1/auth", "{\"step\":{\"cred\":{\"passkey\":{\"id\":\"AAAA\",\"response\":{\"signature\":\"AA\"}}}}}"},
                new String[] {"POST", "/v1/person", "{\"attrs\":{\"name\":[\"" + unique("fz") + "\"],\"displayname\":[\"F\"]}}"},
                new String[] {"PATCH", "/v1/person/" + person, "{\"attrs\":{\"mail\":[\"a@example.com\"],\"loginshell\":[\"/bin/sh\"]}}"},
                new String[] {"POST", "/v1/person/" + person + "/_credential/_set_password", "{\"password\":\"x\"}"},
                new String[] {"POST", "/v1/self/_credential/_passkey/_finish",
                        "{\"ceremony\":\"c\",\"credential\":{\"response\":{\"attestationObject\":\"AA\",\"clientDataJSON\":\"AA\"}}}"},
                new String[] {"POST", "/v1/credential/_exchange_intent", "{\"token\":\"abc\"}"},
                new String[] {"POST", "/v1/service_account/nobody/_api_token", "{\"label\":\"l\",\"expiry\":\"2030-01-01T00:00:00Z\"}"});
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            for (String[] target : targets) {
                String body = mutate(target[2], random);
                SignetApi.Response response = idm.send(target[0], target[1], body, null);
                if (response.status() < 300) {
                    continue; // a mutation that is still valid JSON of the right shape
                }
                assertRefusedCleanly(response, target[1], body);
            }
        }
        assertEquals(200, SignetApi.anonymous().get("/status").status());
        idm.get("/v1/person/" + person).expect(200);
    }

    /** A valid form or query mangled one way: cut, a byte flipped, bad escapes, a parameter repeated or blown up. */
    private static String mutateForm(String valid, Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> valid.substring(0, random.nextInt(valid.length()));
            case 1 -> {
                char[] chars = valid.toCharArray();
                chars[random.nextInt(chars.length)] = (char) (random.nextInt(95) + 32);
                yield new String(chars);
            }
            case 2 -> valid + "&%zz=%%&=&" + valid.substring(0, valid.indexOf('&') < 0 ? valid.length() : valid.indexOf('&'));
            case 3 -> valid.replaceFirst("=[^&]*", "=" + "A".repeat(70_000));
            case 4 -> valid.replaceFirst("=[^&]*", "=%00%ff%fe");
            default -> valid.replace("&", "&&;").replace("=", "==");
        };
    }

    @Test
    void mangledOAuth2MessagesGetOAuth2ErrorsAndNeverBreakTheServer() {
        OidcFixture app = OidcFixture.confidential();
        String basic = "Basic " + Base64.getEncoder().encodeToString((app.client() + ":" + app.secret()).getBytes());
        String redirect = URLEncoder.encode(app.redirect().toString(), StandardCharsets.UTF_8);
        List<String[]> backChannel = List.of(
                new String[] {"/oauth2/token", "grant_type=authorization_code&code=abc&redirect_uri=" + redirect + "&code_verifier=" + "v".repeat(43)},
                new String[] {"/oauth2/token", "grant_type=refresh_token&refresh_token=" + UUID.randomUUID() + ".0.AAAA"},
                new String[] {"/oauth2/token", "grant_type=client_credentials&scope=groups"},
                new String[] {"/oauth2/token", "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=abc"},
                new String[] {"/oauth2/token/introspect", "token=eyJhbGciOiJFUzI1NiJ9.e30.AAAA"},
                new String[] {"/oauth2/token/revoke", "token=abc&token_type_hint=refresh_token"},
                new String[] {"/oauth2/device", "client_id=" + app.client() + "&scope=openid"});
        String query = "response_type=code&client_id=" + app.client() + "&redirect_uri=" + redirect
                + "&scope=openid&state=s&code_challenge=" + "c".repeat(43) + "&code_challenge_method=S256";
        Browser browser = new Browser();
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            for (String[] target : backChannel) {
                String body = mutateForm(target[1], random);
                HttpResponse<String> response = browser.postRaw(target[0], body, "Authorization", basic);
                int status = response.statusCode();
                assertTrue(status == 200 || status == 400 || status == 401, target[0] + " answered " + status + " to "
                        + body.substring(0, Math.min(200, body.length())) + ": " + response.body());
                if (status != 200) {
                    assertTrue(response.body().contains("\"error\""), target[0] + " error without an OAuth2 error object: " + response.body());
                }
            }
            String mangled = mutateForm(query, random);
            HttpResponse<String> page;
            try {
                page = browser.get(URI.create(SignetServer.HTTPS + "/oauth2/authorize?" + mangled));
            } catch (IllegalArgumentException e) {
                continue; // not even a URI: no client can send it
            } catch (IllegalStateException e) {
                // a 70 kB URL is refused by the HTTP layer itself (HTTP/2 GOAWAY), before Signet sees it
                assertTrue(mangled.length() > 65_536, "authorize failed on " + mangled + ": " + e);
                continue;
            }
            int status = page.statusCode();
            assertTrue(status == 200 || status == 303 || status == 400, "authorize answered " + status + " to " + mangled);
            if (status == 303) {
                assertTrue(page.headers().firstValue("Location").orElseThrow().startsWith(app.redirect().toString()),
                        "redirects only to the registered URI");
            }
            HttpResponse<String> consent = browser.postRaw("/oauth2/authorize/consent", mangled);
            assertTrue(consent.statusCode() == 400, "consent answered " + consent.statusCode());
        }
        assertEquals(200, SignetApi.anonymous().get("/status").status());
        assertTrue(app.relyingParty().clientCredentials(new Scope("groups")).indicatesSuccess());
    }

    /** A request as the bytes a client sends, for what a String body cannot carry (invalid UTF-8). */
    private static HttpResponse<String> sendBytes(SignetApi api, String method, String path, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(SignetServer.HTTPS.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + api.token()).build();
        return RAW.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject problem(int status, SignetApi.Response response) {
        assertEquals(status, response.status(), response.body());
        assertTrue(response.header("Content-Type").startsWith("application/problem+json"), response.header("Content-Type"));
        return response.object();
    }

    @Test
    void aGidnumberThatIsNotAWholeNumberIsA400NamingIt() {
        SignetApi idm = SignetApi.idmAdmin();
        String person = idm.createPerson(unique("gid"));
        for (String gid : List.of("65536.5", "1e30", "99999999999999999999999", "-1.5", "1e999999999")) {
            assertEquals("gidnumber", problem(400, idm.post(person + "/_unix", "{\"gidnumber\":" + gid + "}")).getString("field"), gid);
        }
        assertTrue(idm.get(person).expect(200).attr("gidnumber").isEmpty(), "nothing allocated");
    }

    @Test
    void anAuditLimitThatIsNotANumberIsA400NamingIt() {
        assertEquals("limit", problem(400, SignetApi.admin().get("/v1/audit?limit=abc")).getString("field"));
    }

    @Test
    void removingEveryValueOfAnAttributeNeedsNoBody() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("nobody");
        String person = idm.createPerson(name);
        idm.put(person + "/_attr/mail", SignetApi.list(name + "@example.com")).expect(200);
        idm.delete(person + "/_attr/mail").expect(200);
        assertTrue(idm.get(person).expect(200).attr("mail").isEmpty());
    }

    @Test
    void tooManyQueryParametersAreA400NamingThem() {
        StringBuilder query = new StringBuilder("/v1/person?limit=10");
        for (int i = 0; i < 2000; i++) {
            query.append("&p").append(i).append("=x");
        }
        assertEquals("query", problem(400, SignetApi.idmAdmin().get(query.toString())).getString("field"));
    }

    /** Over HTTP/2 and HTTP/1.1, the body sent whole (no Expect: 100-continue) as most clients send it. */
    @Test
    void aBodyOverTheSizeLimitIsA413() throws Exception {
        SignetApi idm = SignetApi.idmAdmin();
        byte[] body = ("{\"attrs\":{\"displayname\":[\"" + "x".repeat(11 * 1024 * 1024) + "\"]}}").getBytes(StandardCharsets.UTF_8);
        for (HttpClient.Version version : HttpClient.Version.values()) {
            HttpRequest request = HttpRequest.newBuilder(SignetServer.HTTPS.resolve("/v1/person")).timeout(Duration.ofSeconds(60))
                    .version(version).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + idm.token()).build();
            HttpResponse<String> response = RAW.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(413, response.statusCode(), version + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"), version.toString());
        }
        assertEquals(200, SignetApi.anonymous().get("/status").status());
    }

    @Test
    void aLoneSurrogateOrInvalidUtf8InAJsonStringIsRefusedNotStored() throws Exception {
        SignetApi idm = SignetApi.idmAdmin();
        String person = idm.createPerson(unique("utf"));
        SignetApi.Response lone = idm.patch(person, "{\"attrs\":{\"displayname\":[\"Bad \\ud800 Name\"]}}");
        assertEquals("body", problem(400, lone).getString("field"));
        byte[] prefix = "{\"attrs\":{\"displayname\":[\"Bad ".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = " Name\"]}}".getBytes(StandardCharsets.UTF_8);
        for (byte[] invalid : List.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc3}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})) {
            byte[] body = new byte[prefix.length + invalid.length + suffix.length];
            System.arraycopy(prefix, 0, body, 0, prefix.length);
            System.arraycopy(invalid, 0, body, prefix.length, invalid.length);
            System.arraycopy(suffix, 0, body, prefix.length + invalid.length, suffix.length);
            HttpResponse<String> response = sendBytes(idm, "PATCH", person, body);
            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("UTF-8"), response.body());
        }
        assertTrue(idm.get(person).expect(200).attr("displayname").get(0).startsWith("Test "), "nothing stored");
        idm.patch(person, "{\"attrs\":{\"displayname\":[\"Emoji \\ud83d\\ude00 \u00e9\"]}}").expect(200);
        assertEquals("Emoji \ud83d\ude00 \u00e9", idm.get(person).expect(200).attr("displayname").get(0), "a surrogate pair is one character");
    }

    @Test
    void tenThousandMailAddressesOrAThousandSshKeysAreRefusedNamingTheAttribute() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("many");
        String person = idm.createPerson(name);
        String[] mails = new String[10_000];
        for (int i = 0; i < mails.length; i++) {
            mails[i] = name + "." + i + "@example.com";
        }
        JsonObject tooMany = problem(400, idm.put(person + "/_attr/mail", SignetApi.list(mails)));
        assertEquals("mail", tooMany.getString("field"));
        assertTrue(tooMany.getString("detail").contains("at most 100"), tooMany.toString());
        String[] keys = new String[1000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "key" + i + ": ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH0NIlGpYc7PoW+jz1tQF27Wkw5s7Ykr0nTY1RsY6bQx k" + i;
        }
        assertEquals("ssh_publickey", problem(400, idm.put(person + "/_attr/ssh_publickey", SignetApi.list(keys))).getString("field"));
        assertTrue(idm.get(person).expect(200).attr("mail").isEmpty() && idm.get(person).expect(200).attr("ssh_publickey").isEmpty());
        idm.put(person + "/_attr/mail", SignetApi.list(Arrays.copyOf(mails, 100))).expect(200);
    }

    @Test
    void anOverlongNameAtInitIsSaidToBeTooLong() {
        for (String name : List.of("x".repeat(100_000), "idm_admin" + "x".repeat(100_000))) {
            JsonObject refused = problem(400, SignetApi.anonymous().post("/v1/auth", "{\"step\":{\"init\":" + SignetApi.quote(name) + "}}"));
            assertEquals("init", refused.getString("field"));
            assertEquals("the account name is too long (at most 320 characters)", refused.getString("detail"));
        }
    }
}
