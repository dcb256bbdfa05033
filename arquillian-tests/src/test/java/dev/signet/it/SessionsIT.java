package dev.signet.it;

import static dev.signet.it.SignetApi.attrs;
import static dev.signet.it.SignetApi.json;
import static dev.signet.it.SignetApi.quote;
import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Read-only sessions, reauthentication into a read-write window, and listing and ending sessions. */
@ExtendWith(ArquillianExtension.class)
class SessionsIT {
    private static final String PASSWORD = "a long enough passphrase 42";

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    /** A plain init: the session is read-only, the default. */
    private static SignetApi readOnlyLogin(String name, String password) {
        SignetApi.Response init = SignetApi.anonymous().send("POST", "/v1/auth",
                json("{\"step\":{\"init\":" + quote(name) + "}}"), null).expect(200);
        String session = init.header(SignetApi.SESSION_HEADER);
        SignetApi.anonymous().send("POST", "/v1/auth", json("{\"step\":{\"begin\":\"password\"}}"), session).expect(200);
        JsonObject state = SignetApi.anonymous().send("POST", "/v1/auth",
                json("{\"step\":{\"cred\":{\"password\":" + quote(password) + "}}}"), session).expect(200).object().getJsonObject("state");
        return SignetApi.withToken(state.getString("success"));
    }

    @Test
    void aReadOnlySessionReadsButMayNotChangeUntilItReauthenticates() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("ro");
        idm.createPersonWithPassword(name, PASSWORD);
        SignetApi user = readOnlyLogin(name, PASSWORD);
        user.get("/v1/self").expect(200);
        SignetApi.Response refused = user.patch("/v1/person/" + name, attrs("displayname", "Changed Name")).expect(403);
        assertTrue(refused.object().getString("detail").contains("reauthenticate"), refused.body());
        assertEquals(403, user.post("/v1/self/_credential/_totp", "{}").status());

        // reauth: the same begin/cred steps, under the bearer token
        SignetApi.Response reauth = user.post("/v1/reauth", null).expect(200);
        String session = reauth.header(SignetApi.SESSION_HEADER);
        SignetApi.anonymous().send("POST", "/v1/auth", json("{\"step\":{\"begin\":\"password\"}}"), session).expect(200);
        JsonObject wrong = SignetApi.anonymous().send("POST", "/v1/auth",
                json("{\"step\":{\"cred\":{\"password\":\"not the passphrase at all\"}}}"), session).expect(200).object();
        assertEquals("authentication denied", wrong.getJsonObject("state").getString("denied"));
        assertEquals(403, user.patch("/v1/person/" + name, attrs("displayname", "Changed Name")).status());

        SignetApi.Response again = user.post("/v1/reauth", null).expect(200);
        String second = again.header(SignetApi.SESSION_HEADER);
        SignetApi.anonymous().send("POST", "/v1/auth", json("{\"step\":{\"begin\":\"password\"}}"), second).expect(200);
        JsonObject ok = SignetApi.anonymous().send("POST", "/v1/auth",
                json("{\"step\":{\"cred\":{\"password\":" + quote(PASSWORD) + "}}}"), second).expect(200).object();
        assertTrue(ok.getJsonObject("state").containsKey("success"));
        // the old token now belongs to a read-write session; so does the new one
        user.patch("/v1/person/" + name, attrs("displayname", "Changed Name")).expect(200);
        SignetApi.withToken(ok.getJsonObject("state").getString("success")).get("/v1/self").expect(200);

        assertEquals(401, SignetApi.anonymous().post("/v1/reauth", null).status());
    }

    @Test
    void aFreshLoginIsReadWriteForItsWindowAndSessionsCanBeListedAndEnded() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("sess");
        idm.createPersonWithPassword(name, PASSWORD);
        SignetApi laptop = SignetApi.login(name, PASSWORD);
        SignetApi phone = SignetApi.login(name, PASSWORD);
        laptop.patch("/v1/person/" + name, attrs("displayname", "Fresh Login")).expect(200);

        JsonArray sessions = phone.get("/v1/self/_sessions").expect(200).array();
        assertEquals(2, sessions.size(), sessions.toString());
        for (JsonObject s : sessions.getValuesAs(JsonObject.class)) {
            assertFalse(s.isNull("read_write_until"), "a password login starts read-write");
            assertFalse(s.toString().contains(laptop.token()), "no token in the listing");
        }
        String laptopSession = sessions.getValuesAs(JsonObject.class).get(1).getString("id");
        assertEquals(404, idm.delete("/v1/self/_sessions/" + laptopSession).status(), "only one's own sessions");
        phone.delete("/v1/self/_sessions/" + laptopSession).expect(204);
        assertEquals(401, laptop.get("/v1/self").status());
        phone.get("/v1/self").expect(200);
        assertEquals(1, phone.get("/v1/self/_sessions").expect(200).array().size());
    }
}
