package dev.signet.batch.ldap;

import dev.signet.sync.SyncJobs;
import dev.signet.sync.RunFailure;
import dev.signet.sync.SyncRuns;
import dev.signet.sync.CronSchedule;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;

/** Starts the {@code ldap-sync} job for a sync account; the run row commits before the job starts. */
// access checked: callers (SyncAccounts) checked the admin
@PermitAll
@Stateless
@Local(SyncJobs.class)
public class LdapSyncJobs implements SyncJobs {
    static final String RUN = "run";

    private static final Logger LOG = Logger.getLogger(LdapSyncJobs.class.getName());

    @EJB
    private SyncRuns runs;
    @Resource
    private TimerService timers;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public UUID start(UUID account) {
        UUID run = runs.begin(account);
        Properties parameters = new Properties();
        parameters.setProperty(RUN, run.toString());
        runs.executedBy(run, BatchRuntime.getJobOperator().start("ldap-sync", parameters));
        return run;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void restart(String account, UUID run) {
        long execution = runs.reopen(account, run);
        Properties parameters = new Properties();
        parameters.setProperty(RUN, run.toString());
        runs.executedBy(run, BatchRuntime.getJobOperator().restart(execution, parameters));
    }

    @Override
    public void reschedule(UUID account, String schedule) {
        // parsed before anything is cancelled: a schedule refused leaves the running one alone
        ScheduleExpression expression = schedule == null ? null : CronSchedule.parse(schedule).toScheduleExpression();
        for (Timer timer : timers.getTimers()) {
            if (account.toString().equals(timer.getInfo())) {
                timer.cancel();
            }
        }
        if (expression != null) {
            // persistent: kept in the database timer store, so exactly one node of a cluster fires it
            timers.createCalendarTimer(expression, new TimerConfig(account.toString(), true));
        }
    }

    /** A scheduled run; skipped while the previous one is still going. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void scheduled(Timer timer) {
        UUID account = UUID.fromString((String) timer.getInfo());
        if (runs.running(account)) {
            LOG.info(() -> "sync account " + account + ": previous run still going, skipping this one");
            return;
        }
        try {
            start(account);
        } catch (RuntimeException e) {
            LOG.warning(() -> "sync account " + account + ": scheduled run not started: " + RunFailure.describe(e));
        }
    }
}
