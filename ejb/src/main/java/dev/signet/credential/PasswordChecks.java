package dev.signet.credential;

import dev.signet.fault.TooManyRequests;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The password checks of logins and binds, at most {@code signet.password.checks.concurrent}
 * (default: the processors, and under half the database pool) at a time, the others waiting in
 * arrival order. An Argon2id check is CPU- and memory-bound (19 MiB or more): more at once than
 * there are processors only makes each slower and holds more heap, and a crowd of failed logins
 * must not take every request thread with it. A check that has waited
 * {@code signet.password.checks.wait.millis} (default 5000) is refused with 429, to retry.
 * Callers check outside any transaction, so no database connection waits here.
 */
@PermitAll
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PasswordChecks {
    @EJB
    private HashCostCalibration calibration;

    private Semaphore slots;

    @PostConstruct
    void size() {
        int pool = Integer.getInteger("signet.db.pool.max", 32);
        int concurrent = Integer.getInteger("signet.password.checks.concurrent",
                Math.min(Runtime.getRuntime().availableProcessors(), pool / 2));
        slots = new Semaphore(Math.max(1, concurrent), true);
    }

    /** Checks a password against what an account stores (null for no account or no password). */
    public PasswordCheck check(String stored, char[] password) {
        acquire();
        try {
            return PasswordCheck.of(password, stored, calibration.current(), PasswordCheck.Argon2id.REAL);
        } finally {
            slots.release();
        }
    }

    /** The work of a check, for an attempt refused before its password could be checked (a soft lock). */
    public void spend(char[] password) {
        check(null, password);
    }

    private void acquire() {
        long wait = Long.getLong("signet.password.checks.wait.millis", 5000);
        try {
            if (!slots.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
                throw new TooManyRequests("too many password checks at once; retry shortly", Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TooManyRequests("interrupted while waiting to check a password; retry", Duration.ofSeconds(1));
        }
    }
}
