package dev.signet.it;

import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mutation fuzzing of the JSON bodies the REST API parses (seeded, so a failure repeats): every
 * mangled body gets a 4xx problem, never a 500, and the server keeps serving.
 */
@ExtendWith(ArquillianExtension.class)
class MalformedInputIT {
    private static final long SEED = 20261127L;
    private static final int ROUNDS = 60;

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
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((app.client() + ":" + app.secret()).getBytes());
        String redirect = java.net.URLEncoder.encode(app.redirect().toString(), java.nio.charset.StandardCharsets.UTF_8);
        List<String[]> backChannel = List.of(
                new String[] {"/oauth2/token", "grant_type=authorization_code&code=abc&redirect_uri=" + redirect + "&code_verifier=" + "v".repeat(43)},
                new String[] {"/oauth2/token", "grant_type=refresh_token&refresh_token=" + java.util.UUID.randomUUID() + ".0.AAAA"},
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
                java.net.http.HttpResponse<String> response = browser.postRaw(target[0], body, "Authorization", basic);
                int status = response.statusCode();
                assertTrue(status == 200 || status == 400 || status == 401, target[0] + " answered " + status + " to "
                        + body.substring(0, Math.min(200, body.length())) + ": " + response.body());
                if (status != 200) {
                    assertTrue(response.body().contains("\"error\""), target[0] + " error without an OAuth2 error object: " + response.body());
                }
            }
            String mangled = mutateForm(query, random);
            java.net.http.HttpResponse<String> page;
            try {
                page = browser.get(java.net.URI.create(SignetServer.HTTPS + "/oauth2/authorize?" + mangled));
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
            java.net.http.HttpResponse<String> consent = browser.postRaw("/oauth2/authorize/consent", mangled);
            assertTrue(consent.statusCode() == 400, "consent answered " + consent.statusCode());
        }
        assertEquals(200, SignetApi.anonymous().get("/status").status());
        assertTrue(app.relyingParty().clientCredentials(new com.nimbusds.oauth2.sdk.Scope("groups")).indicatesSuccess());
    }
}
