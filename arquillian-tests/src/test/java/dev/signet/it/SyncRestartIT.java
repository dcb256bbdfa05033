package dev.signet.it;

import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The directory goes away while step 1 is reading: the run fails, restartable; once the directory
 * is back, a restart goes on from the last staged chunk (nothing staged twice) and completes.
 */
@ExtendWith(ArquillianExtension.class)
class SyncRestartIT {
    private static final int PEOPLE = 10_000;

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }


    @Test
    void aRunThatFailedWhileReadingIsRestartedFromItsLastChunk() throws Exception {
        try (UpstreamDirectory upstream = UpstreamDirectory.start()) {
            String prefix = unique("rs");
            for (int i = 0; i < PEOPLE; i++) {
                upstream.person(prefix + "p" + i, "Restart Person " + i);
            }
            SignetApi idm = SignetApi.idmAdmin();
            String account = upstream.syncAccount(idm, "restart_sync");
            String run = idm.post("/v1/sync_account/" + account + "/_run", "").expect(202).object().getString("run");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            JsonObject state = SyncFromLdapIT.runOf(idm, account, run);
            while (state.getInt("read") < 1000 && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
                state = SyncFromLdapIT.runOf(idm, account, run);
            }
            assertEquals("read", state.getString("step", ""), "still reading: " + state);
            upstream.goAway();
            while (state.getString("status").equals("RUNNING") && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                state = SyncFromLdapIT.runOf(idm, account, run);
            }
            assertEquals("FAILED", state.getString("status"), state.toString());
            assertTrue(state.getBoolean("restartable"), state.toString());
            int staged = state.getInt("read");
            assertTrue(staged > 0 && staged < PEOPLE, state.toString());

            upstream.comeBack();
            idm.post("/v1/sync_account/" + account + "/_runs/" + run + "/_restart", "").expect(202);
            deadline = Instant.now().plus(Duration.ofSeconds(180));
            do {
                Thread.sleep(500);
                state = SyncFromLdapIT.runOf(idm, account, run);
            } while (state.getString("status").equals("RUNNING") && Instant.now().isBefore(deadline));
            assertEquals("COMPLETED", state.getString("status"), state.toString());
            assertEquals(PEOPLE, state.getInt("read"), "every entry staged once: " + state);
            assertEquals(PEOPLE, state.getInt("created"), state.toString());
            assertEquals(409, idm.post("/v1/sync_account/" + account + "/_runs/" + run + "/_restart", "").status(),
                    "a completed run is not restarted");
        }
    }
}
