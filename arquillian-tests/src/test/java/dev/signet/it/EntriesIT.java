package dev.signet.it;

import static dev.signet.it.SignetApi.attrs;
import static dev.signet.it.SignetApi.list;
import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import jakarta.json.JsonString;

/** People, groups and service accounts through /v1, as an idm admin. */
@ExtendWith(ArquillianExtension.class)
class EntriesIT {
    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    @Test
    void personInNestedGroupsSeesTransitiveMemberof() {
        SignetApi idm = SignetApi.idmAdmin();
        String person = unique("p");
        String team = unique("team");
        String dept = unique("dept");
        String company = unique("company");
        idm.createPerson(person);
        idm.createGroup(team);
        idm.createGroup(dept);
        idm.createGroup(company);
        idm.post("/v1/group/" + team + "/_attr/member", list(person)).expect(200);
        idm.post("/v1/group/" + dept + "/_attr/member", list(team)).expect(200);
        idm.post("/v1/group/" + company + "/_attr/member", list(dept)).expect(200);

        SignetApi.Response read = idm.get("/v1/person/" + person).expect(200);
        assertEquals(List.of(company + "@localhost", dept + "@localhost", team + "@localhost"), read.attr("memberof"));
        assertEquals(List.of(team + "@localhost"), read.attr("directmemberof"));

        // take the middle link away: the person keeps only the team
        idm.delete("/v1/group/" + dept + "/_attr/member", list(team)).expect(200);
        assertEquals(List.of(team + "@localhost"), idm.get("/v1/person/" + person).expect(200).attr("memberof"));
    }

    @Test
    void groupCycleTerminatesAndEachGroupIsMemberOfBoth() {
        SignetApi idm = SignetApi.idmAdmin();
        String a = unique("ca");
        String b = unique("cb");
        idm.createGroup(a);
        idm.createGroup(b);
        idm.put("/v1/group/" + a + "/_attr/member", list(b)).expect(200);
        idm.put("/v1/group/" + b + "/_attr/member", list(a)).expect(200);
        assertEquals(List.of(a + "@localhost", b + "@localhost"), idm.get("/v1/group/" + a).expect(200).attr("memberof"));
    }

    @Test
    void entryIsFoundByNameSpnOrUuid() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("p");
        String uuid = idm.post("/v1/person", attrs("name", name, "displayname", "Found Me")).expect(201).attr("uuid").get(0);
        assertEquals(List.of(name), idm.get("/v1/person/" + name + "@localhost").expect(200).attr("name"));
        assertEquals(List.of(name), idm.get("/v1/person/" + uuid).expect(200).attr("name"));
        idm.get("/v1/group/" + name).expect(404);
    }

    @Test
    void posixNumbersAreNeverHandedOutTwiceAcrossDeleteAndCreate() {
        SignetApi idm = SignetApi.idmAdmin();
        String first = unique("px");
        idm.createPerson(first);
        int firstGid = Integer.parseInt(idm.post("/v1/person/" + first + "/_unix", "{}").expect(200).attr("gidnumber").get(0));
        assertTrue(firstGid >= 65536);
        idm.delete("/v1/person/" + first).expect(204);

        String second = unique("px");
        idm.createPerson(second);
        SignetApi.Response posix = idm.post("/v1/person/" + second + "/_unix", "{\"shell\":\"/bin/zsh\"}").expect(200);
        int secondGid = Integer.parseInt(posix.attr("gidnumber").get(0));
        assertNotEquals(firstGid, secondGid);
        assertTrue(secondGid > firstGid);
        assertEquals(posix.attr("gidnumber"), posix.attr("uidnumber"));
        assertEquals(List.of("/bin/zsh"), posix.attr("loginshell"));
        assertEquals(List.of("/home/" + second), posix.attr("homedirectory"));

        // the deleted entry's number cannot be claimed explicitly either
        String group = unique("pg");
        idm.createGroup(group);
        JsonObject problem = idm.post("/v1/group/" + group + "/_unix", "{\"gidnumber\":" + firstGid + "}").expect(409).object();
        assertEquals("gidnumber", problem.getString("field"));
        int fresh = secondGid + 1000;
        assertEquals(List.of(Integer.toString(fresh)),
                idm.post("/v1/group/" + group + "/_unix", "{\"gidnumber\":" + fresh + "}").expect(200).attr("gidnumber"));
        idm.post("/v1/group/" + group + "/_unix", "{\"gidnumber\":1000}").expect(409);
    }

    @Test
    void deletedEntryGoesToTheRecycleBinAndRevivesWithItsMemberships() {
        SignetApi idm = SignetApi.idmAdmin();
        String person = unique("rb");
        String group = unique("rbg");
        String uuid = idm.post("/v1/person", attrs("name", person, "displayname", "Recycled")).expect(201).attr("uuid").get(0);
        idm.createGroup(group);
        idm.post("/v1/group/" + group + "/_attr/member", list(person)).expect(200);

        idm.delete("/v1/person/" + person).expect(204);
        idm.get("/v1/person/" + person).expect(404);
        assertFalse(idm.get("/v1/group/" + group).expect(200).attr("member").contains(person + "@localhost"));
        assertTrue(idm.get("/v1/recycle_bin").expect(200).array().stream()
                .anyMatch(e -> e.asJsonObject().getJsonObject("attrs").getJsonArray("uuid").getString(0).equals(uuid)));

        SignetApi.Response revived = idm.post("/v1/recycle_bin/" + uuid + "/_revive", null).expect(200);
        assertEquals(List.of(person), revived.attr("name"));
        assertEquals(List.of(group + "@localhost"), idm.get("/v1/person/" + person).expect(200).attr("memberof"));
        assertTrue(idm.get("/v1/group/" + group).expect(200).attr("member").contains(person + "@localhost"));
    }

    @Test
    void reviveIsRefusedWhenTheNameWasTakenMeanwhile() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("rn");
        String uuid = idm.post("/v1/person", attrs("name", name, "displayname", "First")).expect(201).attr("uuid").get(0);
        idm.delete("/v1/person/" + name).expect(204);
        idm.createPerson(name);
        assertEquals("name", idm.post("/v1/recycle_bin/" + uuid + "/_revive", null).expect(409).object().getString("field"));
    }

    @Test
    void malformedRequestsGetProblemsNamingTheField() {
        SignetApi idm = SignetApi.idmAdmin();
        SignetApi.Response badJson = idm.post("/v1/person", "{\"attrs\": {").expect(400);
        assertEquals("application/problem+json", badJson.header("Content-Type"));

        JsonObject unknown = idm.post("/v1/person", attrs("name", unique("u"), "displayname", "U", "favouritecolour", "blue"))
                .expect(400).object();
        assertEquals("favouritecolour", unknown.getString("field"));

        assertEquals("name", idm.post("/v1/person", attrs("name", "Not A Name", "displayname", "x")).expect(400).object().getString("field"));
        assertEquals("name", idm.post("/v1/person", attrs("name", "0badstart", "displayname", "x")).expect(400).object().getString("field"));
        assertEquals("name", idm.post("/v1/group", attrs("name", "6f1c2b1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f")).expect(400).object().getString("field"));
        assertEquals("mail", idm.post("/v1/person", attrs("name", unique("m"), "displayname", "M", "mail", "not-mail")).expect(400).object().getString("field"));
        assertEquals("displayname", idm.post("/v1/person", attrs("name", unique("d"))).expect(400).object().getString("field"));
        assertEquals("uuid", idm.patch("/v1/group/idm_admins", attrs("uuid", "x")).expect(400).object().getString("field"));
        assertEquals("member", idm.post("/v1/group/idm_people_admins/_attr/member", "[42]").expect(400).object().getString("field"));
        assertEquals("member", idm.post("/v1/group/idm_people_admins/_attr/member", list("nobody-like-this")).expect(400).object().getString("field"));
        assertEquals("attrs", idm.post("/v1/group", "{\"name\":\"x\"}").expect(400).object().getString("field"));
    }

    @Test
    void duplicateNamesAndMailAreConflictsAcrossKinds() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("dup");
        idm.createPerson(name);
        assertEquals("name", idm.post("/v1/group", attrs("name", name)).expect(409).object().getString("field"));
        assertEquals("name", idm.post("/v1/person", attrs("name", name.toUpperCase(), "displayname", "x")).expect(409).object().getString("field"));
        String mail = name + "@example.com";
        idm.patch("/v1/person/" + name, attrs("mail", mail)).expect(200);
        assertEquals("mail", idm.post("/v1/person", attrs("name", unique("dup"), "displayname", "x", "mail", mail))
                .expect(409).object().getString("field"));
    }

    @Test
    void listsPageInNameOrderAndFilterByIndexedAttributes() {
        SignetApi idm = SignetApi.idmAdmin();
        String prefix = unique("l");
        for (int i = 0; i < 5; i++) {
            idm.createPerson(prefix + i);
        }
        idm.patch("/v1/person/" + prefix + "3", attrs("mail", prefix + "@example.org")).expect(200);
        var page = idm.get("/v1/person?limit=2&after=" + prefix + "0").expect(200).array();
        assertEquals(List.of(prefix + "1", prefix + "2"),
                page.stream().map(e -> e.asJsonObject().getJsonObject("attrs").getJsonArray("name").getString(0)).toList());
        var byMail = idm.get("/v1/person?mail=" + prefix + "@example.org").expect(200).array();
        assertEquals(1, byMail.size());
        assertEquals(prefix + "3", byMail.getJsonObject(0).getJsonObject("attrs").getJsonArray("name").getString(0));
        assertEquals("description", idm.get("/v1/person?description=x").expect(400).object().getString("field"));
        idm.get("/v1/person?limit=0").expect(400);
    }

    @Test
    void serviceAccountsAndSshKeysFollowTheSameShape() {
        SignetApi idm = SignetApi.idmAdmin();
        String sa = unique("svc");
        idm.post("/v1/service_account", attrs("name", sa, "displayname", "Backup robot")).expect(201);
        String key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH0NIlGpYc7PoW+jz1tQF27Wkw5s7Ykr0nTY1RsY6bQx backup@host";
        idm.post("/v1/service_account/" + sa + "/_ssh_pubkeys", list("laptop", key)).expect(200);
        assertEquals(List.of("laptop: " + key), idm.get("/v1/service_account/" + sa + "/_ssh_pubkeys").expect(200)
                .array().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        assertEquals("ssh_publickey", idm.post("/v1/service_account/" + sa + "/_ssh_pubkeys",
                list("bad", "ssh-ed25519 AAAAB3NzaC1yc2EAAAADAQAB")).expect(400).object().getString("field"));
        idm.delete("/v1/service_account/" + sa + "/_ssh_pubkeys/laptop").expect(204);
        assertTrue(idm.get("/v1/service_account/" + sa).expect(200).attr("ssh_publickey").isEmpty());
    }
}
