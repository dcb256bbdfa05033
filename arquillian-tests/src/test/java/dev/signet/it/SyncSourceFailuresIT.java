package dev.signet.it;

import static dev.signet.it.SignetApi.attrs;
import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.Collections;

/**
 * A sync source that is set wrong says so: at once where it can be checked without the
 * directory (a broken filter, DN or CA), from {@code _ldap/_test} and in the failed run's report
 * otherwise (the stage, the LDAP result code, the TLS or network reason); and a second run while
 * one is going is refused, naming it.
 */
@ExtendWith(ArquillianExtension.class)
class SyncSourceFailuresIT {
    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    private static JsonObjectBuilder source(UpstreamDirectory upstream) {
        return Json.createObjectBuilder().add("url", upstream.url()).add("bind_dn", UpstreamDirectory.BIND_DN)
                .add("bind_password", UpstreamDirectory.BIND_PASSWORD).add("base_dn", UpstreamDirectory.BASE).add("ca_pem", upstream.caPem);
    }

    private static void assertRefused(SignetApi idm, String account, JsonObject source, String field) {
        SignetApi.Response refused = idm.put("/v1/sync_account/" + account + "/_ldap", source.toString());
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("\"" + field + "\""), "names the field " + field + ": " + refused.body());
    }

    /** The run's report and the test's answer both name the stage and the reason. */
    private static void assertFailsWith(SignetApi idm, String account, JsonObject source, String stage, String reason) throws Exception {
        idm.put("/v1/sync_account/" + account + "/_ldap", source.toString()).expect(200);
        JsonObject test = idm.post("/v1/sync_account/" + account + "/_ldap/_test", "").expect(200).object();
        assertFalse(test.getBoolean("ok"), test.toString());
        assertEquals(stage, test.getString("stage"), test.toString());
        assertTrue(test.getString("error").contains(reason), test.toString());
        JsonObject run = SyncFromLdapIT.runToEnd(idm, account);
        assertEquals("FAILED", run.getString("status"), run.toString());
        assertTrue(run.getString("report").startsWith(stage + ": ") && run.getString("report").contains(reason), run.toString());
        assertFalse(run.getString("report").contains(UpstreamDirectory.BIND_PASSWORD), "no secret in the report");
    }

    @Test
    void aWrongSettingIsRefusedAtOnceOrReportedWithItsCause() throws Exception {
        try (UpstreamDirectory upstream = UpstreamDirectory.start()) {
            upstream.person(unique("probe"), "Probe Person");
            SignetApi idm = SignetApi.idmAdmin();
            String account = upstream.syncAccount(idm, "why_sync");

            assertRefused(idm, account, source(upstream).add("person_filter", "(uid=*").build(), "person_filter");
            assertRefused(idm, account, source(upstream).add("group_filter", "(|(objectClass=group)").build(), "group_filter");
            assertRefused(idm, account, source(upstream).add("ca_pem", "not a pem").build(), "ca_pem");
            assertRefused(idm, account, source(upstream).add("bind_dn", "not a dn").build(), "bind_dn");
            assertRefused(idm, account, source(upstream).add("base_dn", "dc=example,,").build(), "base_dn");

            JsonObject good = idm.post("/v1/sync_account/" + account + "/_ldap/_test", "").expect(200).object();
            assertTrue(good.getBoolean("ok"), good.toString());
            assertEquals(1, good.getInt("people"), good.toString());
            assertEquals(0, good.getInt("groups"), good.toString());

            assertFailsWith(idm, account, source(upstream).add("bind_password", "not the password").build(), "bind",
                    "invalid credentials (49)");
            assertFailsWith(idm, account, source(upstream).add("base_dn", "dc=nowhere,dc=test").build(), "search", "no such object (32)");
            JsonObject untrusted = source(upstream).build();
            JsonObjectBuilder withoutCa = Json.createObjectBuilder();
            untrusted.forEach((k, v) -> {
                if (!k.equals("ca_pem")) {
                    withoutCa.add(k, v);
                }
            });
            assertFailsWith(idm, account, withoutCa.build(), "tls", "does not chain");
            int closed;
            try (ServerSocket free = new ServerSocket(0)) {
                closed = free.getLocalPort();
            }
            assertFailsWith(idm, account, source(upstream).add("url", "ldaps://localhost:" + closed).build(), "connect", "cannot connect");
        }
    }

    @Test
    void aSecondRunWhileOneIsGoingIsRefused() throws Exception {
        try (UpstreamDirectory upstream = UpstreamDirectory.start();
             ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            // a directory that accepts connections and never answers: the run waits in its TLS handshake until it times out
            List<Socket> held = Collections.synchronizedList(new ArrayList<>());
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            SignetApi idm = SignetApi.idmAdmin();
            String account = unique("busy_sync");
            idm.post("/v1/sync_account", attrs("name", account)).expect(201);
            idm.put("/v1/sync_account/" + account + "/_ldap", source(upstream).add("url", "ldaps://localhost:" + silent.getLocalPort()).build()
                    .toString()).expect(200);
            String run = idm.post("/v1/sync_account/" + account + "/_run", "").expect(202).object().getString("run");
            SignetApi.Response second = idm.post("/v1/sync_account/" + account + "/_run", "");
            assertEquals(409, second.status(), second.body());
            assertTrue(second.body().contains(run), "names the run that is going: " + second.body());

            JsonObject ended = SyncFromLdapIT.awaitEnd(idm, account, run);
            assertEquals("FAILED", ended.getString("status"), ended.toString());
            assertTrue(ended.getString("report").startsWith("tls: the TLS handshake did not complete"), "a silent directory times out: " + ended);
            held.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException e) {
                    // the test is over
                }
            });
        }
    }
}
