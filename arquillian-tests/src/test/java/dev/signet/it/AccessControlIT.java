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

    /** A member of one admin group, logged in, and the name it has. */
    private static SignetApi adminOf(SignetApi idm, String group, String name) {
        idm.createPersonWithPassword(name, PASSWORD);
        idm.post("/v1/group/" + group + "/_attr/member", list(name)).expect(200);
        return SignetApi.login(name, PASSWORD);
    }

    @Test
    void aPeopleAdminCannotTakeOverAnAdminOfAnotherKind() {
        SignetApi idm = SignetApi.idmAdmin();
        SignetApi peopleAdmin = adminOf(idm, "idm_people_admins", unique("pa"));
        String oauth2Admin = unique("oa");
        adminOf(idm, "idm_oauth2_admins", oauth2Admin);
        String viaNesting = unique("nested");
        String ops = unique("ops");
        idm.createPersonWithPassword(viaNesting, PASSWORD);
        idm.post("/v1/group", "{\"attrs\":{\"name\":[\"" + ops + "\"],\"member\":[\"" + viaNesting + "\"]}}").expect(201);
        idm.post("/v1/group/idm_oauth2_admins/_attr/member", list(ops)).expect(200);

        for (String target : List.of(oauth2Admin, viaNesting)) {
            String path = "/v1/person/" + target;
            assertEquals(403, peopleAdmin.post(path + "/_credential/_set_password", "{\"password\":\"an entirely new secret 99\"}").status(), target);
            assertEquals(403, peopleAdmin.post(path + "/_credential/_update_intent", "{}").status(), target);
            assertEquals(403, peopleAdmin.post(path + "/_lock", "{\"reason\":\"x\"}").status(), target);
            assertEquals(403, peopleAdmin.patch(path, attrs("account_expire", "2020-01-01T00:00:00Z")).status(), target);
            assertEquals(403, peopleAdmin.post(path + "/_reset_lockout", null).status(), target);
            assertEquals(403, peopleAdmin.delete(path).status(), target);
        }
        SignetApi.login(oauth2Admin, PASSWORD);
        SignetApi.login(viaNesting, PASSWORD);
        // people without rights stay theirs, and an idm admin holds every right an OAuth2 admin has
        String plain = unique("plain");
        peopleAdmin.createPerson(plain);
        peopleAdmin.post("/v1/person/" + plain + "/_credential/_set_password", "{\"password\":\"an entirely new secret 99\"}").expect(204);
        idm.post("/v1/person/" + oauth2Admin + "/_credential/_update_intent", "{}").expect(201);
    }

    @Test
    void aGroupAdminCannotChangeTheMembershipsOfPrivilegedEntriesNorFillAGroupNestedInAPrivilegedOne() {
        SignetApi idm = SignetApi.idmAdmin();
        SignetApi groupAdmin = adminOf(idm, "idm_group_admins", unique("ga"));
        String oauth2Admin = unique("oa");
        adminOf(idm, "idm_oauth2_admins", oauth2Admin);
        String plain = unique("plain");
        idm.createPerson(plain);
        String ops = unique("ops");
        idm.createGroup(ops);
        idm.post("/v1/group/idm_oauth2_admins/_attr/member", list(ops)).expect(200);
        String team = unique("team");
        groupAdmin.createGroup(team);

        assertEquals(403, groupAdmin.post("/v1/group/" + ops + "/_attr/member", list(plain)).status(), "ops gives OAuth2 rights");
        assertEquals(403, groupAdmin.post("/v1/group/" + team + "/_attr/member", list(oauth2Admin)).status());
        assertEquals(403, groupAdmin.post("/v1/group/idm_people_admins/_attr/member", list(plain)).status());
        groupAdmin.post("/v1/group/" + team + "/_attr/member", list(plain)).expect(200);
        assertFalse(idm.get("/v1/group/" + ops).expect(200).attr("member").stream().anyMatch(m -> m.startsWith(plain + "@")));

        idm.post("/v1/group/" + team + "/_attr/member", list(oauth2Admin)).expect(200);
        assertEquals(403, groupAdmin.delete("/v1/group/" + team + "/_attr/member", list(oauth2Admin)).status(),
                "removing a privileged member changes its memberships too");
    }

    @Test
    void aServiceAccountAdminCannotIssueTokensForAPrivilegedServiceAccount() {
        SignetApi idm = SignetApi.idmAdmin();
        SignetApi serviceAdmin = adminOf(idm, "idm_service_account_admins", unique("sa"));
        String privileged = unique("svc");
        idm.post("/v1/service_account", attrs("name", privileged, "displayname", "Provisioner")).expect(201);
        idm.post("/v1/group/idm_people_admins/_attr/member", list(privileged)).expect(200);
        String plain = unique("svc");
        serviceAdmin.post("/v1/service_account", attrs("name", plain, "displayname", "Backup")).expect(201);

        assertEquals(403, serviceAdmin.post("/v1/service_account/" + privileged + "/_api_token", "{\"label\":\"take over\",\"read_write\":true}").status());
        assertEquals(403, serviceAdmin.post("/v1/service_account/" + privileged + "/_lock", "{\"reason\":\"x\"}").status());
        serviceAdmin.post("/v1/service_account/" + plain + "/_api_token", "{\"label\":\"backup job\"}").expect(201);
        idm.post("/v1/service_account/" + privileged + "/_api_token", "{\"label\":\"provisioning\"}").expect(201);
    }

    @Test
    void anIdmAdminCannotReviveASystemAdmin() {
        SignetApi admin = SignetApi.admin();
        String sys = unique("sys");
        admin.createPerson(sys);
        admin.post("/v1/group/system_admins/_attr/member", list(sys)).expect(200);
        admin.delete("/v1/person/" + sys).expect(204);
        assertEquals(403, SignetApi.idmAdmin().post("/v1/recycle_bin/" + sys + "/_revive", null).status(),
                "reviving would give its memberships back");
        admin.post("/v1/recycle_bin/" + sys + "/_revive", null).expect(200);
    }

    @Test
    void aGroupAdminCannotPutAPolicyOnAccountsItDoesNotAdminister() {
        SignetApi idm = SignetApi.idmAdmin();
        SignetApi groupAdmin = adminOf(idm, "idm_group_admins", unique("ga"));
        String person = unique("victim");
        idm.createPersonWithPassword(person, PASSWORD);
        String strict = unique("strict");
        groupAdmin.createGroup(strict);
        groupAdmin.patch("/v1/group/" + strict, attrs("credential_type_minimum", "passkey")).expect(200);
        assertEquals(403, groupAdmin.post("/v1/group/" + strict + "/_attr/member", list(person)).status(),
                "a group admin does not administer people");
        String team = unique("team");
        idm.post("/v1/group", "{\"attrs\":{\"name\":[\"" + team + "\"],\"member\":[\"" + person + "\"]}}").expect(201);
        assertEquals(403, groupAdmin.patch("/v1/group/" + team, attrs("credential_type_minimum", "passkey")).status());
        assertEquals(403, groupAdmin.post("/v1/group/" + strict + "/_attr/member", list(team)).status(), "nor through a nested group");
        SignetApi.login(person, PASSWORD);

        idm.post("/v1/group/" + strict + "/_attr/member", list(person)).expect(200);
        assertEquals("authentication denied", SignetApi.authenticate(person, PASSWORD).getString("denied"), "an idm admin may");
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
