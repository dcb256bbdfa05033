package dev.signet.it;

import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SyncFromLdapIT} against OpenLDAP's slapd from the distribution's packages, which offers
 * RFC 4533 (syncprov): after the first run, a run reads only what changed upstream.
 */
class SyncFromSlapdIT extends SyncFromLdapIT {
    @Override
    UpstreamDirectory directory() throws Exception {
        return UpstreamDirectory.slapd();
    }

    /**
     * slapd answers a refresh from a cookie with nothing changed by no entries and SyncDone
     * refreshDeletes=TRUE without a new cookie: that means "nothing happened", and each such run
     * must keep every entry and the cookie it had (it once deleted every imported entry).
     */
    @Test
    void quietRunsChangeNothingAndKeepTheCookie() throws Exception {
        try (UpstreamDirectory upstream = directory()) {
            List<String> dns = new ArrayList<>();
            List<String> uids = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                uids.add(unique("quiet" + i));
                dns.add(upstream.person(uids.get(i), "Quiet " + i));
            }
            String team = unique("quietteam");
            upstream.group(team, dns.subList(0, 2));
            SignetApi idm = SignetApi.idmAdmin();
            String account = upstream.syncAccount(idm, "quiet_sync");
            JsonObject first = runToEnd(idm, account);
            assertEquals(5, first.getInt("created"), first.toString());
            String cookie = idm.get("/v1/sync_account/" + account).expect(200).attr("sync_cookie").get(0);

            for (int i = 0; i < 3; i++) {
                assertQuiet(idm, account, uids, team, runToEnd(idm, account));
                assertEquals(List.of(cookie), idm.get("/v1/sync_account/" + account).expect(200).attr("sync_cookie"),
                        "a refresh that brings nothing keeps the cookie");
            }
            upstream.server.modify(dns.get(3), new Modification(ModificationType.REPLACE, "displayName", "Quiet Renamed"));
            JsonObject changed = runToEnd(idm, account);
            assertEquals("COMPLETED", changed.getString("status"), changed.toString());
            assertEquals(1, changed.getInt("updated"), changed.toString());
            assertEquals(0, changed.getInt("deleted"), changed.toString());
            assertEquals(List.of("Quiet Renamed"), idm.get("/v1/person/" + uids.get(3)).expect(200).attr("displayname"));
            for (int i = 0; i < 3; i++) {
                assertQuiet(idm, account, uids, team, runToEnd(idm, account));
            }
        }
    }

    private static void assertQuiet(SignetApi idm, String account, List<String> uids, String team, JsonObject run) {
        assertEquals("COMPLETED", run.getString("status"), run.toString());
        assertEquals(0, run.getInt("deleted"), "nothing upstream still has is deleted: " + run);
        for (String uid : uids) {
            idm.get("/v1/person/" + uid).expect(200);
        }
        assertTrue(idm.get("/v1/person/" + uids.get(0)).expect(200).attr("memberof").stream().anyMatch(g -> g.startsWith(team + "@")),
                "memberof stays");
    }

    @Test
    void laterRunsReadOnlyWhatChanged() throws Exception {
        try (UpstreamDirectory upstream = directory()) {
            List<String> dns = new ArrayList<>();
            List<String> uids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                uids.add(unique("staff" + i));
                dns.add(upstream.person(uids.get(i), "Staff " + i));
            }
            String team = unique("team");
            upstream.group(team, dns.subList(0, 10));
            SignetApi idm = SignetApi.idmAdmin();
            String account = upstream.syncAccount(idm, "slapd_sync");

            JsonObject first = runToEnd(idm, account);
            assertEquals("COMPLETED", first.getString("status"), first.toString());
            assertEquals(21, first.getInt("created"), first.toString());
            assertTrue(idm.get("/v1/sync_account/" + account).expect(200).attr("sync_cookie").get(0).startsWith("syncrepl:"),
                    "the directory's own sync cookie is kept");

            upstream.server.modify(dns.get(3), new Modification(ModificationType.REPLACE, "displayName", "Staff Three Renamed"));
            upstream.server.modify("cn=" + team + ",ou=groups," + UpstreamDirectory.BASE,
                    new Modification(ModificationType.ADD, "member", dns.get(15)));
            JsonObject second = runToEnd(idm, account);
            assertEquals("COMPLETED", second.getString("status"), second.toString());
            assertTrue(second.getInt("read") <= 3, "only the changed entries are read: " + second);
            assertEquals(2, second.getInt("updated"), second.toString());
            assertEquals(List.of("Staff Three Renamed"), idm.get("/v1/person/" + uids.get(3)).expect(200).attr("displayname"));
            assertTrue(idm.get("/v1/person/" + uids.get(15)).expect(200).attr("memberof").stream().anyMatch(g -> g.startsWith(team + "@")),
                    "a member added upstream, resolved against entries imported before");

            upstream.server.delete(dns.get(19));
            JsonObject third = runToEnd(idm, account);
            assertEquals("COMPLETED", third.getString("status"), third.toString());
            assertEquals(1, third.getInt("deleted"), third.toString());
            assertEquals(404, idm.get("/v1/person/" + uids.get(19)).status(), "deleted upstream, deleted here");
            assertEquals(200, idm.get("/v1/person/" + uids.get(18)).status(), "the rest stays");
        }
    }
}
