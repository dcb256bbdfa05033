package dev.signet.it;

import static dev.signet.it.SignetApi.attrs;
import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Credential reset intents: admin-created, single use, time-limited, opening a credentials-only session. */
@ExtendWith(ArquillianExtension.class)
class ResetIntentsIT {
    private static final String NEW_PASSWORD = "a brand new passphrase 2026";

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    private static SignetApi.Response exchange(String token) {
        return SignetApi.anonymous().post("/v1/credential/_exchange_intent", "{\"token\":" + SignetApi.quote(token) + "}");
    }

    @Test
    void aPersonWithoutAnyCredentialSetsAPasswordThroughAnIntentOnce() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("reset");
        idm.createPerson(name);
        JsonObject intent = idm.post("/v1/person/" + name + "/_credential/_update_intent", "{\"ttl\":600}").expect(201).object();
        assertTrue(Instant.parse(intent.getString("expires")).isBefore(Instant.now().plusSeconds(601)));
        String token = intent.getString("token");

        SignetApi update = SignetApi.withToken(exchange(token).expect(200).object().getString("token"));
        assertEquals(401, exchange(token).status(), "single use");

        // the session may change its own credentials, nothing else
        SignetApi.Response other = update.patch("/v1/person/" + name, attrs("displayname", "Not Allowed"));
        assertEquals(403, other.status());
        assertEquals("this session may only change credentials", other.object().getString("detail"),
                "reauthenticating would not help, so the refusal does not say to");
        update.post("/v1/person/" + name + "/_credential/_set_password", "{\"password\":" + SignetApi.quote(NEW_PASSWORD) + "}").expect(204);
        update.post("/v1/self/_credential/_totp", "{}").expect(201);
        SignetApi.login(name, NEW_PASSWORD).get("/v1/self").expect(200);

        String events = SignetApi.admin().get("/v1/audit?since=" + Instant.now().minusSeconds(60)).expect(200).body();
        assertTrue(events.contains("credential.reset_intent.create") && events.contains("credential.reset_intent.exchange"), events);
        assertFalse(events.contains(token), "the intent token is never logged");
    }

    @Test
    void badTokensAndBadLifetimesAreRefusedAndOnlyAdminsCreateIntents() throws InterruptedException {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("reset2");
        idm.createPersonWithPassword(name, "a long enough passphrase 42");
        assertEquals(401, exchange("not-a-real-token").status());
        assertEquals("ttl", idm.post("/v1/person/" + name + "/_credential/_update_intent", "{\"ttl\":1}").expect(400).object().getString("field"));
        assertEquals("ttl", idm.post("/v1/person/" + name + "/_credential/_update_intent", "{\"ttl\":90000}").expect(400).object().getString("field"));
        SignetApi self = SignetApi.login(name, "a long enough passphrase 42");
        assertEquals(403, self.post("/v1/person/" + name + "/_credential/_update_intent", "{}").status());

        // the test server allows intents as short as 2 s (signet.reset.min.seconds); production, 5 min
        String shortLived = idm.post("/v1/person/" + name + "/_credential/_update_intent", "{\"ttl\":2}").expect(201).object().getString("token");
        Thread.sleep(3_000);
        assertEquals(401, exchange(shortLived).status(), "an expired intent is refused, unused");

        String token = idm.post("/v1/person/" + name + "/_credential/_update_intent", "{}").expect(201).object().getString("token");
        idm.post("/v1/person/" + name + "/_lock", "{\"reason\":\"left\"}").expect(204);
        assertEquals(401, exchange(token).status(), "a locked account cannot redeem an intent");
    }
}
