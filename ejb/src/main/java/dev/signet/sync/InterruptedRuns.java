package dev.signet.sync;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * At start, a run left RUNNING was cut off by a stop or crash of the node that ran it: its step 2
 * transaction never committed, so nothing of it was applied. It is marked failed (and its staged
 * entries dropped) so the next run, scheduled or manual, is not held back by it.
 *
 * <p>Only this node's own runs: on a cluster, another node may be running one right now.
 */
// access checked: nothing here is callable
@PermitAll
@Startup
@Singleton
@DependsOn("Domain")
public class InterruptedRuns {
    private static final Logger LOG = Logger.getLogger(InterruptedRuns.class.getName());

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @PostConstruct
    void markFailed() {
        List<SyncRun> cut = em.createQuery("select r from SyncRun r where r.status = 'RUNNING' and r.node = :node", SyncRun.class)
                .setParameter("node", SyncRun.thisNode()).getResultList();
        Instant now = Instant.now();
        for (SyncRun run : cut) {
            run.failed("interrupted: the server stopped during the run; nothing of it was applied", 0, now);
            em.createQuery("delete from StagedEntry s where s.run = :run").setParameter("run", run.id()).executeUpdate();
            LOG.warning(() -> "sync run " + run.id() + " of account " + run.account() + " was interrupted by a server stop; marked failed");
        }
    }
}
