package dev.signet.it;

import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server killed (SIGKILL) while a sync run's step 2 holds its one transaction open, on
 * PostgreSQL: after a restart with the same command line nothing of the run is there, the run is
 * recorded as failed, and the next run imports everything.
 */
@Tag("postgresql")
@ExtendWith(ArquillianExtension.class)
class OnPostgresqlSyncCrashIT {
    private static final int PEOPLE = 4000;

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    @Test
    void aKillDuringStepTwoLeavesNothingAndTheNextRunSucceeds() throws Exception {
        try (UpstreamDirectory upstream = UpstreamDirectory.start()) {
            String prefix = unique("crash");
            List<String> dns = new ArrayList<>();
            for (int i = 0; i < PEOPLE; i++) {
                dns.add(upstream.person(prefix + "p" + i, "Crash Person " + i));
            }
            upstream.group(prefix + "g", dns.subList(0, 100));
            SignetApi idm = SignetApi.idmAdmin();
            String account = upstream.syncAccount(idm, "crash_sync");

            String run = idm.post("/v1/sync_account/" + account + "/_run", "").expect(202).object().getString("run");
            awaitStepTwo(idm, account, run);
            ServerProcess.killAndRestart();

            SignetApi after = SignetApi.idmAdmin();
            JsonObject killed = SyncFromLdapIT.runOf(after, account, run);
            assertEquals("FAILED", killed.getString("status"), "a run cut short is failed at start: " + killed);
            assertTrue(killed.getString("report").contains("interrupted"), killed.toString());
            for (int i : new int[] {0, PEOPLE / 2, PEOPLE - 1}) {
                assertEquals(404, after.get("/v1/person/" + prefix + "p" + i).status(), "nothing of the killed run was applied");
            }
            assertEquals(404, after.get("/v1/group/" + prefix + "g").status());
            assertTrue(after.get("/v1/sync_account/" + account).expect(200).attr("sync_cookie").isEmpty(), "the cookie is as it was");

            JsonObject next = SyncFromLdapIT.runToEnd(after, account);
            assertEquals("COMPLETED", next.getString("status"), next.toString());
            assertEquals(PEOPLE + 1, next.getInt("created"), next.toString());
            assertEquals(200, after.get("/v1/person/" + prefix + "p" + (PEOPLE - 1)).status());
        }
    }

    private static void awaitStepTwo(SignetApi idm, String account, String run) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            JsonObject item = SyncFromLdapIT.runOf(idm, account, run);
            if (!item.getString("status").equals("RUNNING")) {
                throw new AssertionError("the run ended before step 2 could be interrupted: " + item);
            }
            if (item.getString("step", "").equals("apply")) {
                // well inside the transaction: 4000 entries take seconds to write
                Thread.sleep(300);
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + run + " never reached step 2");
    }

}
