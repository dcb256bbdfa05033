package dev.signet.it;

import static dev.signet.it.SignetApi.attrs;
import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import jakarta.json.Json;
import jakarta.json.JsonString;
import java.io.StringReader;

/** The /v1/auth step protocol, tokens, locking, first boot, recovery, and the audit trail of it all. */
@ExtendWith(ArquillianExtension.class)
class AuthenticationIT {
    private static final String PASSWORD = "a long enough passphrase 42";

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    @Test
    void passwordLoginIssuesATokenForTheAccount() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("login");
        idm.createPersonWithPassword(name, PASSWORD);
        SignetApi user = SignetApi.login(name, PASSWORD);
        assertEquals(List.of(name + "@localhost"), user.get("/v1/self").expect(200).attr("spn"));
        assertEquals(3, user.token().split("\\.").length, "a compact JWS");
    }

    @Test
    void stepsOfferPasswordAndCarryTheSessionHeader() {
        SignetApi.Response init = SignetApi.anonymous().post("/v1/auth", "{\"step\":{\"init\":\"idm_admin\"}}").expect(200);
        assertEquals(List.of("password"), init.object().getJsonObject("state").getJsonArray("choose")
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        String session = init.header(SignetApi.SESSION_HEADER);
        assertEquals(session, init.object().getString("sessionid"));
        SignetApi.Response begin = SignetApi.anonymous().send("POST", "/v1/auth", "{\"step\":{\"begin\":\"password\"}}", session).expect(200);
        assertTrue(begin.object().getJsonObject("state").containsKey("continue"));
        assertEquals("step", SignetApi.anonymous().post("/v1/auth", "{\"nope\":1}").expect(400).object().getString("field"));
        assertEquals("begin", SignetApi.anonymous().send("POST", "/v1/auth", "{\"step\":{\"begin\":\"carrier-pigeon\"}}", session)
                .expect(400).object().getString("field"));
    }

    @Test
    void wrongPasswordAndUnknownAccountAreDeniedAlike() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("deny");
        idm.createPersonWithPassword(name, PASSWORD);
        JsonObject wrong = SignetApi.authenticate(name, "not the passphrase at all");
        JsonObject unknown = SignetApi.authenticate(SignetApi.unknownOfferedPassword("ghost"), "not the passphrase at all");
        assertEquals(wrong, unknown);
        assertEquals("authentication denied", wrong.getString("denied"));
    }

    @Test
    void lockedAccountCannotLogInAndItsTokensStopWorking() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("lock");
        idm.createPersonWithPassword(name, PASSWORD);
        SignetApi before = SignetApi.login(name, PASSWORD);

        idm.post("/v1/person/" + name + "/_lock", "{\"reason\":\"left the company\"}").expect(204);
        assertEquals("authentication denied", SignetApi.authenticate(name, PASSWORD).getString("denied"));
        assertEquals(401, before.get("/v1/self").status());
        SignetApi.Response locked = idm.get("/v1/person/" + name).expect(200);
        assertEquals(List.of("true"), locked.attr("locked"));
        assertEquals(List.of("left the company"), locked.attr("lock_reason"));

        idm.post("/v1/person/" + name + "/_unlock", null).expect(204);
        SignetApi.login(name, PASSWORD).get("/v1/self").expect(200);
    }

    @Test
    void expiredAccountCannotLogIn() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("exp");
        idm.createPersonWithPassword(name, PASSWORD);
        idm.patch("/v1/person/" + name, attrs("account_expire", "2020-01-01T00:00:00Z")).expect(200);
        assertEquals("authentication denied", SignetApi.authenticate(name, PASSWORD).getString("denied"));
        idm.patch("/v1/person/" + name, "{\"attrs\":{\"account_expire\":[]}}").expect(200);
        SignetApi.login(name, PASSWORD);
    }

    @Test
    void logoutRevokesTheToken() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("bye");
        idm.createPersonWithPassword(name, PASSWORD);
        SignetApi user = SignetApi.login(name, PASSWORD);
        user.post("/v1/logout", null).expect(204);
        assertEquals(401, user.get("/v1/self").status());
    }

    @Test
    void weakPasswordsAreRefusedWithEveryFailedRule() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("weak");
        idm.createPerson(name);
        JsonObject problem = idm.post("/v1/person/" + name + "/_credential/_set_password", "{\"password\":\"aaaa\"}")
                .expect(422).object();
        assertEquals("password", problem.getString("field"));
        assertTrue(problem.getJsonArray("failures").size() >= 2, problem.toString());
    }

    @Test
    void firstBootWroteTheAdminPasswordsForTheOwnerOnly() throws IOException {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(SignetApi.recoveryFile())));
        assertTrue(SignetApi.firstBootPassword("admin").length() >= 24);
        assertTrue(SignetApi.admin().get("/v1/self").expect(200).attr("memberof").contains("system_admins@localhost"));
        assertTrue(SignetApi.idmAdmin().get("/v1/self").expect(200).attr("memberof").contains("idm_admins@localhost"));
    }

    @Test
    void recoverAccountResetsAPasswordWhileTheServerRuns() throws Exception {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("rec");
        idm.createPersonWithPassword(name, PASSWORD);
        ProcessBuilder command = new ProcessBuilder(SignetServer.installation().resolve("bin/recover-account").toString(), name)
                .redirectErrorStream(true);
        command.environment().put("JBOSS_SERVER_DATA_DIR", SignetServer.baseDir().resolve("data").toString());
        Process process = command.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.exitValue(), output);
        String prefix = "new password for " + name + ": ";
        assertTrue(output.startsWith(prefix), output);
        String recovered = output.substring(prefix.length());
        assertTrue(recovered.length() >= 24);

        SignetApi.login(name, recovered).get("/v1/self").expect(200);
        assertEquals("authentication denied", SignetApi.authenticate(name, PASSWORD).getString("denied"));

        ProcessBuilder unknown = new ProcessBuilder(SignetServer.installation().resolve("bin/recover-account").toString(), unique("nobody"))
                .redirectErrorStream(true);
        unknown.environment().put("JBOSS_SERVER_DATA_DIR", SignetServer.baseDir().resolve("data").toString());
        Process failed = unknown.start();
        assertTrue(failed.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, failed.exitValue());
    }

    @Test
    void everyChangeAndAuthenticationIsAuditedWithoutSecrets() {
        Instant start = Instant.now().minusSeconds(1);
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("aud");
        idm.createPersonWithPassword(name, PASSWORD);
        idm.patch("/v1/person/" + name, attrs("displayname", "Audited Person")).expect(200);
        idm.post("/v1/person/" + name + "/_lock", "{\"reason\":\"audit test\"}").expect(204);
        idm.post("/v1/person/" + name + "/_unlock", null).expect(204);
        SignetApi.authenticate(name, "a wrong guess of the secret");
        SignetApi.login(name, PASSWORD);
        idm.delete("/v1/person/" + name).expect(204);

        SignetApi admin = SignetApi.admin();
        String events = admin.get("/v1/audit?since=" + start).expect(200).body();
        for (String type : List.of("entry.create", "credential.password.set", "entry.modify", "account.lock",
                "account.unlock", "auth.failure", "auth.success", "entry.delete")) {
            assertTrue(events.contains("\"type\":\"" + type + "\"") && events.contains(name), type + " audited: " + events);
        }
        assertTrue(events.contains("wrong password"), "the failure reason is recorded");
        assertTrue(!events.contains(PASSWORD) && !events.contains("a wrong guess of the secret"), "no secret in the audit trail");

        SignetApi.Response lines = admin.get("/v1/audit?type=account.lock&since=" + start, "application/x-ndjson").expect(200);
        assertTrue(lines.header("Content-Type").startsWith("application/x-ndjson"));
        String lockLine = lines.body().lines().filter(l -> l.contains(name)).findFirst().orElseThrow();
        JsonObject lock = Json.createReader(new StringReader(lockLine)).readObject();
        assertEquals("idm_admin", lock.getString("actor"));
        assertEquals("success", lock.getString("outcome"));
        assertEquals("audit test", lock.getString("detail"));
        assertTrue(lock.getString("source").startsWith("127.0.0.1") || lock.getString("source").contains(":"));
    }
}
