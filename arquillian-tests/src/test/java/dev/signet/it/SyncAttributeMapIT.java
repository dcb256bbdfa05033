package dev.signet.it;

import static dev.signet.it.SignetApi.attrs;
import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A directory shaped like Active Directory (sAMAccountName, objectGUID, objectClass user and
 * group), read through the sync account's attribute map; an unknown key in the map is refused.
 */
@ExtendWith(ArquillianExtension.class)
class SyncAttributeMapIT {
    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    /** AD's byte order: the first three fields little-endian. */
    private static byte[] objectGuid(UUID uuid) {
        ByteBuffer msb = ByteBuffer.allocate(8).putLong(uuid.getMostSignificantBits());
        byte[] m = msb.array();
        return ByteBuffer.allocate(16).put(new byte[] {m[3], m[2], m[1], m[0], m[5], m[4], m[7], m[6]})
                .putLong(uuid.getLeastSignificantBits()).array();
    }

    @Test
    void anActiveDirectoryShapedSourceImportsThroughTheAttributeMap() throws Exception {
        try (UpstreamDirectory upstream = UpstreamDirectory.start()) {
            String login = unique("adams");
            String team = unique("ad_team");
            UUID guid = UUID.randomUUID();
            String personDn = "cn=Alice Adams " + login + ",ou=people," + UpstreamDirectory.BASE;
            upstream.server.add(new Entry(personDn, new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                    new Attribute("cn", "Alice Adams " + login), new Attribute("sAMAccountName", login),
                    new Attribute("displayName", "Alice Adams"), new Attribute("objectGUID", objectGuid(guid))));
            upstream.server.add(new Entry("cn=" + team + ",ou=groups," + UpstreamDirectory.BASE, new Attribute("objectClass", "top", "group"),
                    new Attribute("cn", team), new Attribute("member", personDn), new Attribute("objectGUID", objectGuid(UUID.randomUUID()))));

            SignetApi idm = SignetApi.idmAdmin();
            String account = unique("ad_sync");
            idm.post("/v1/sync_account", attrs("name", account)).expect(201);
            var source = Json.createObjectBuilder().add("url", upstream.url()).add("bind_dn", UpstreamDirectory.BIND_DN)
                    .add("bind_password", UpstreamDirectory.BIND_PASSWORD).add("base_dn", UpstreamDirectory.BASE).add("ca_pem", upstream.caPem)
                    .add("person_filter", "(objectClass=user)").add("group_filter", "(objectClass=group)");
            assertEquals(400, idm.put("/v1/sync_account/" + account + "/_ldap", source.add("attribute_map",
                    Json.createObjectBuilder().add("surname", "sn")).build().toString()).status(), "only known keys map");
            source = Json.createObjectBuilder().add("url", upstream.url()).add("bind_dn", UpstreamDirectory.BIND_DN)
                    .add("bind_password", UpstreamDirectory.BIND_PASSWORD).add("base_dn", UpstreamDirectory.BASE).add("ca_pem", upstream.caPem)
                    .add("person_filter", "(objectClass=user)").add("group_filter", "(objectClass=group)")
                    .add("attribute_map", Json.createObjectBuilder().add("name", "sAMAccountName").add("id", "objectGUID"));
            JsonObject stored = idm.put("/v1/sync_account/" + account + "/_ldap", source.build().toString()).expect(200).object();
            assertEquals("sAMAccountName", stored.getJsonObject("attribute_map").getString("name"), stored.toString());

            JsonObject run = SyncFromLdapIT.runToEnd(idm, account);
            assertEquals("COMPLETED", run.getString("status"), run.toString());
            assertEquals(2, run.getInt("created"), run.toString());
            SignetApi.Response alice = idm.get("/v1/person/" + login).expect(200);
            assertEquals(List.of(guid.toString()), alice.attr("uuid"), "objectGUID is the identity");
            assertEquals(List.of("Alice Adams"), alice.attr("displayname"));
            assertTrue(alice.attr("memberof").stream().anyMatch(g -> g.startsWith(team + "@")), alice.body());
        }
    }
}
