package dev.signet.it;

import static dev.signet.it.SignetApi.attrs;
import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.Random;

/**
 * The LDAP sync job against a real directory over LDAPS: the first run imports people and nested
 * groups; changes upstream (a rename, a new member, a deletion) follow on the next run; a
 * conflicting run applies nothing and leaves the sync state as it was.
 */
@ExtendWith(ArquillianExtension.class)
class SyncFromLdapIT {
    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    /** The directory these tests import from; subclasses run them against another server. */
    UpstreamDirectory directory() throws Exception {
        return UpstreamDirectory.start();
    }

    /** One run as the history shows it. */
    static JsonObject runOf(SignetApi idm, String account, String run) {
        return idm.get("/v1/sync_account/" + account + "/_runs").expect(200).array().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("id").equals(run)).findFirst().orElseThrow();
    }

    static JsonObject runToEnd(SignetApi idm, String account) throws InterruptedException {
        return awaitEnd(idm, account, idm.post("/v1/sync_account/" + account + "/_run", "").expect(202).object().getString("run"));
    }

    /** The run once it ended, as the history shows it. */
    static JsonObject awaitEnd(SignetApi idm, String account, String run) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            for (JsonObject item : idm.get("/v1/sync_account/" + account + "/_runs").expect(200).array().getValuesAs(JsonObject.class)) {
                if (item.getString("id").equals(run) && !item.getString("status").equals("RUNNING")) {
                    return item;
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("run " + run + " did not end");
    }

    @Test
    void aDirectoryIsImportedThenFollowedAndAConflictAppliesNothing() throws Exception {
        try (UpstreamDirectory upstream = directory()) {
            String jsmith = unique("jsmith");
            String bob = unique("bob");
            String excluded = unique("svc");
            String developers = unique("developers");
            String engineering = unique("engineering");
            String jsmithDn = upstream.person(jsmith, "John Smith");
            String bobDn = upstream.person(bob, "Bob Jones");
            upstream.person(excluded, "Backup Robot");
            String posix = unique("pat");
            int uidNumber = 70_000 + new Random().nextInt(1_000_000);
            String key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH0NIlGpYc7PoW+jz1tQF27Wkw5s7Ykr0nTY1RsY6bQx pat@laptop";
            upstream.posixPerson(posix, uidNumber, key, "pat's imported passphrase 9");
            String developersDn = upstream.group(developers, List.of(jsmithDn));
            upstream.group(engineering, List.of(developersDn, bobDn));

            SignetApi idm = SignetApi.idmAdmin();
            String account = unique("corp_ldap");
            idm.post("/v1/sync_account", attrs("name", account)).expect(201);
            JsonObject source = Json.createObjectBuilder().add("url", upstream.url()).add("bind_dn", UpstreamDirectory.BIND_DN)
                    .add("bind_password", UpstreamDirectory.BIND_PASSWORD).add("base_dn", UpstreamDirectory.BASE)
                    .add("ca_pem", upstream.caPem).add("exclude", Json.createArrayBuilder().add(excluded)).build();
            JsonObject stored = idm.put("/v1/sync_account/" + account + "/_ldap", source.toString()).expect(200).object();
            assertTrue(!stored.toString().contains(UpstreamDirectory.BIND_PASSWORD), "the bind password is never shown");

            JsonObject first = runToEnd(idm, account);
            assertEquals("COMPLETED", first.getString("status"), first.toString());
            assertEquals(5, first.getInt("created"), first.toString());
            SignetApi.Response pat = idm.get("/v1/person/" + posix).expect(200);
            assertEquals(List.of(String.valueOf(uidNumber)), pat.attr("gidnumber"), "POSIX ids come with the entry");
            assertEquals(List.of("ldap1: " + key), pat.attr("ssh_publickey"));
            SignetApi.login(posix, "pat's imported passphrase 9");
            SignetApi.Response john = idm.get("/v1/person/" + jsmith).expect(200);
            assertEquals(List.of("John Smith"), john.attr("displayname"));
            assertEquals(List.of(jsmith + "@example.com"), john.attr("mail"));
            assertTrue(john.attr("memberof").stream().anyMatch(g -> g.startsWith(engineering + "@")), "nested groups: " + john.body());
            assertEquals(404, idm.get("/v1/person/" + excluded).status(), "excluded names are not imported");
            String uuid = john.attr("uuid").get(0);

            String renamed = unique("jsmith");
            upstream.server.modifyDN(jsmithDn, "uid=" + renamed, true);
            upstream.server.modify("uid=" + renamed + ",ou=people," + UpstreamDirectory.BASE,
                    new Modification(ModificationType.REPLACE, "uid", renamed));
            upstream.server.modify(developersDn, new Modification(ModificationType.REPLACE, "member",
                    "uid=" + renamed + ",ou=people," + UpstreamDirectory.BASE, bobDn));
            upstream.server.delete(bobDn);
            JsonObject second = runToEnd(idm, account);
            assertEquals("COMPLETED", second.getString("status"), second.toString());
            assertEquals(1, second.getInt("deleted"), second.toString());
            assertEquals(List.of(uuid), idm.get("/v1/person/" + renamed).expect(200).attr("uuid"), "a rename keeps the identity");
            assertEquals(404, idm.get("/v1/person/" + jsmith).status());
            assertEquals(404, idm.get("/v1/person/" + bob).status(), "deleted upstream");

            String carol = unique("carol");
            idm.createPerson(carol);
            upstream.person(carol, "Carol Upstream");
            upstream.person(unique("dave"), "Dave New");
            String cookieBefore = idm.get("/v1/sync_account/" + account).expect(200).attr("sync_cookie").get(0);
            int peopleBefore = idm.get("/v1/person?limit=1000").expect(200).array().size();
            JsonObject third = runToEnd(idm, account);
            assertEquals("FAILED", third.getString("status"), third.toString());
            assertTrue(third.getString("report").contains("name " + carol + " is taken by a local entry"), third.toString());
            assertEquals(peopleBefore, idm.get("/v1/person?limit=1000").expect(200).array().size(), "nothing applied");
            assertEquals(List.of(cookieBefore), idm.get("/v1/sync_account/" + account).expect(200).attr("sync_cookie"));
        }
    }

    @Test
    void aScheduleRunsTheJobUntilItIsRemoved() throws Exception {
        try (UpstreamDirectory upstream = directory()) {
            String person = unique("sched");
            upstream.person(person, "Scheduled Person");
            SignetApi idm = SignetApi.idmAdmin();
            String account = upstream.syncAccount(idm, "sched_ldap");
            assertEquals(400, idm.put("/v1/sync_account/" + account + "/_schedule", "{\"schedule\":\"every minute\"}").status());
            idm.put("/v1/sync_account/" + account + "/_schedule", "{\"schedule\":\"*/2 * * * * *\"}").expect(200);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (idm.get("/v1/person/" + person).status() != 200 && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
            }
            idm.get("/v1/person/" + person).expect(200);
            idm.delete("/v1/sync_account/" + account + "/_schedule").expect(204);
            Thread.sleep(3_000);
            int runs = idm.get("/v1/sync_account/" + account + "/_runs").expect(200).array().size();
            Thread.sleep(5_000);
            assertEquals(runs, idm.get("/v1/sync_account/" + account + "/_runs").expect(200).array().size(), "no runs after the schedule is removed");
            assertTrue(runs >= 1);
        }
    }
}
