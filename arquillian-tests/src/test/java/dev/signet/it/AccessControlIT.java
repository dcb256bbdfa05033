package dev.signet.it;

import static dev.signet.it.SignetApi.attrs;
import static dev.signet.it.SignetApi.list;
import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who may do what, decided by the core whatever the client sends. */
@ExtendWith(ArquillianExtension.class)
class AccessControlIT {
    private static final String PASSWORD = "correct horse battery staple 7";

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    @Test
    void anonymousCallersAreAskedToAuthenticate() {
        SignetApi.Response response = SignetApi.anonymous().get("/v1/person").expect(401);
        assertEquals("application/problem+json", response.header("Content-Type"));
        assertEquals("Bearer", response.header("WWW-Authenticate"));
        SignetApi.anonymous().get("/v1/self").expect(401);
        SignetApi.anonymous().post("/v1/group", attrs("name", unique("g"))).expect(401);
    }

    @Test
    void forgedOrGarbageTokensAreAnonymous() {
        SignetApi idm = SignetApi.idmAdmin();
        String token = idm.token();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        assertEquals(401, SignetApi.anonymous().send("GET", "/v1/self", null, null).status());
        assertEquals(401, SignetApi.withToken(forged).get("/v1/self").status());
        assertEquals(401, SignetApi.withToken("not.a.jwt").get("/v1/self").status());
    }

    @Test
    void peopleAdminManagesPeopleButCannotCreateGroups() {
        SignetApi idm = SignetApi.idmAdmin();
        String admin = unique("pa");
        idm.createPersonWithPassword(admin, PASSWORD);
        idm.post("/v1/group/idm_people_admins/_attr/member", list(admin)).expect(200);

        SignetApi peopleAdmin = SignetApi.login(admin, PASSWORD);
        peopleAdmin.createPerson(unique("hired"));
        assertEquals(403, peopleAdmin.post("/v1/group", attrs("name", unique("g"))).status());
        assertEquals(403, peopleAdmin.post("/v1/service_account", attrs("name", unique("s"), "displayname", "x")).status());
        // and cannot take over a more privileged account
        assertEquals(403, peopleAdmin.post("/v1/person/idm_admin/_credential/_set_password",
                "{\"password\":\"an entirely new secret 99\"}").status());
        assertEquals(403, peopleAdmin.post("/v1/person/admin/_lock", "{\"reason\":\"x\"}").status());
    }

    @Test
    void personReadsOthersPublicAttributesButNotTheirPrivateOnes() {
        SignetApi idm = SignetApi.idmAdmin();
        String alice = unique("alice");
        String bob = unique("bob");
        idm.createPersonWithPassword(alice, PASSWORD);
        idm.createPerson(bob);
        idm.patch("/v1/person/" + bob, attrs("mail", bob + "@example.com", "legalname", "Robert Example")).expect(200);

        SignetApi asAlice = SignetApi.login(alice, PASSWORD);
        SignetApi.Response seen = asAlice.get("/v1/person/" + bob).expect(200);
        assertEquals(List.of(bob), seen.attr("name"));
        assertEquals(List.of("Test " + bob), seen.attr("displayname"));
        assertTrue(seen.attr("mail").isEmpty(), "mail is private");
        assertTrue(seen.attr("legalname").isEmpty(), "legalname is private");
        assertFalse(seen.body().contains("argon2"), "no credential ever leaves the server");
        assertEquals(403, asAlice.get("/v1/person?mail=" + bob + "@example.com").status());

        // an admin sees them
        assertEquals(List.of(bob + "@example.com"), idm.get("/v1/person/" + bob).expect(200).attr("mail"));
    }

    @Test
    void personChangesOnlyTheirOwnSelfWritableAttributes() {
        SignetApi idm = SignetApi.idmAdmin();
        String carol = unique("carol");
        String dave = unique("dave");
        idm.createPersonWithPassword(carol, PASSWORD);
        idm.createPerson(dave);
        SignetApi asCarol = SignetApi.login(carol, PASSWORD);

        assertEquals(List.of("Carol C"), asCarol.patch("/v1/person/" + carol, attrs("displayname", "Carol C")).expect(200).attr("displayname"));
        assertEquals(List.of("Carol C"), asCarol.get("/v1/self").expect(200).attr("displayname"));
        assertEquals(403, asCarol.patch("/v1/person/" + carol, attrs("mail", carol + "@example.com")).status());
        assertEquals(403, asCarol.patch("/v1/person/" + carol, attrs("name", unique("renamed"))).status());
        assertEquals(403, asCarol.patch("/v1/person/" + dave, attrs("displayname", "Hacked")).status());
        assertEquals(403, asCarol.post("/v1/person/" + dave + "/_credential/_set_password", "{\"password\":\"an entirely new secret 99\"}").status());
        assertEquals(403, asCarol.delete("/v1/person/" + dave).status());
        assertEquals(403, asCarol.post("/v1/group/idm_admins/_attr/member", list(carol)).status());
        assertEquals("Test " + dave, idm.get("/v1/person/" + dave).expect(200).attr("displayname").get(0));
        assertFalse(idm.get("/v1/group/idm_admins").expect(200).attr("member").contains(carol + "@localhost"));
    }

    @Test
    void recycleBinAndAuditAreForAdminsOnlyAndRecycledEntriesAreNotFound() {
        SignetApi idm = SignetApi.idmAdmin();
        String erin = unique("erin");
        String gone = unique("gone");
        idm.createPersonWithPassword(erin, PASSWORD);
        idm.createPerson(gone);
        idm.delete("/v1/person/" + gone).expect(204);
        SignetApi asErin = SignetApi.login(erin, PASSWORD);
        assertEquals(404, asErin.get("/v1/person/" + gone).status());
        assertEquals(403, asErin.get("/v1/recycle_bin").status());
        assertEquals(403, asErin.get("/v1/audit").status());
        assertEquals(403, idm.get("/v1/audit").status(), "the audit trail is for system_admins");
    }
}
