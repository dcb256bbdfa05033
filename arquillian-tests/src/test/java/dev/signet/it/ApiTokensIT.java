package dev.signet.it;

import static dev.signet.it.SignetApi.attrs;
import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Service-account API tokens: issued once, read-only unless asked, listed without secrets, revocable, expiring. */
@ExtendWith(ArquillianExtension.class)
class ApiTokensIT {
    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    private static String serviceAccount(SignetApi idm) {
        String name = unique("svc");
        idm.post("/v1/service_account", "{\"attrs\":{\"name\":[\"" + name + "\"],\"displayname\":[\"Service " + name + "\"]}}").expect(201);
        return name;
    }

    @Test
    void aReadOnlyTokenReadsAsTheServiceAccountAndARevokedOneStops() {
        SignetApi idm = SignetApi.idmAdmin();
        String svc = serviceAccount(idm);
        JsonObject issued = idm.post("/v1/service_account/" + svc + "/_api_token", "{\"label\":\"backup job\"}").expect(201).object();
        SignetApi job = SignetApi.withToken(issued.getString("token"));
        assertEquals(List.of(svc + "@localhost"), job.get("/v1/self").expect(200).attr("spn"));
        assertEquals(403, job.patch("/v1/service_account/" + svc, attrs("displayname", "Renamed By Token")).status(), "read-only");

        JsonArray listed = idm.get("/v1/service_account/" + svc + "/_api_token").expect(200).array();
        assertEquals(1, listed.size());
        JsonObject entry = listed.getJsonObject(0);
        assertEquals("backup job", entry.getString("label"));
        assertFalse(entry.getBoolean("read_write"));
        assertTrue(entry.isNull("expiry"));
        assertFalse(listed.toString().contains(issued.getString("token")), "no secret in the listing");

        idm.delete("/v1/service_account/" + svc + "/_api_token/" + issued.getString("id")).expect(204);
        assertEquals(401, job.get("/v1/self").status());
        assertEquals(0, idm.get("/v1/service_account/" + svc + "/_api_token").expect(200).array().size());
        assertEquals(404, idm.delete("/v1/service_account/" + svc + "/_api_token/" + issued.getString("id")).status());
    }

    @Test
    void aReadWriteTokenMayChangeWhatTheAccountMayAndExpiryIsEnforced() {
        SignetApi idm = SignetApi.idmAdmin();
        String svc = serviceAccount(idm);
        String token = idm.post("/v1/service_account/" + svc + "/_api_token", "{\"label\":\"deployer\",\"read_write\":true}")
                .expect(201).object().getString("token");
        SignetApi.withToken(token).patch("/v1/service_account/" + svc, attrs("displayname", "Renamed By Token")).expect(200);
        assertEquals(403, SignetApi.withToken(token).post("/v1/person", "{\"attrs\":{\"name\":[\"" + unique("no") + "\"],\"displayname\":[\"No\"]}}")
                .status(), "a token has the account's rights, no more");

        assertEquals("expiry", idm.post("/v1/service_account/" + svc + "/_api_token", "{\"label\":\"old\",\"expiry\":\"2020-01-01T00:00:00Z\"}")
                .expect(400).object().getString("field"));
        String soon = Instant.now().plusSeconds(3).toString();
        String shortLived = idm.post("/v1/service_account/" + svc + "/_api_token", "{\"label\":\"short\",\"expiry\":\"" + soon + "\"}")
                .expect(201).object().getString("token");
        SignetApi.withToken(shortLived).get("/v1/self").expect(200);
        long until = System.currentTimeMillis() + 10_000;
        int status = 200;
        while (status == 200 && System.currentTimeMillis() < until) {
            status = SignetApi.withToken(shortLived).get("/v1/self").status();
        }
        assertEquals(401, status, "an expired token is refused");
    }

    @Test
    void onlyAdminsOfTheAccountIssueTokens() {
        SignetApi idm = SignetApi.idmAdmin();
        String svc = serviceAccount(idm);
        String person = unique("nosvc");
        idm.createPersonWithPassword(person, "a long enough passphrase 42");
        SignetApi user = SignetApi.login(person, "a long enough passphrase 42");
        int status = user.post("/v1/service_account/" + svc + "/_api_token", "{\"label\":\"mine\"}").status();
        assertTrue(status == 403 || status == 404, "got " + status);
        assertEquals("label", idm.post("/v1/service_account/" + svc + "/_api_token", "{}").expect(400).object().getString("field"));
    }
}
