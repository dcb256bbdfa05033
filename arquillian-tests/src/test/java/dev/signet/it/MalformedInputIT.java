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
}
