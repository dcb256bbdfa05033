package dev.signet.credential;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The Argon2id cost new hashes are made with: measured on first boot to take about 10 ms on the
 * machine ({@code signet.password.hash.millis} changes the target), then kept in the database.
 * Hashes made with another cost still verify and are rehashed on the next successful login.
 */
@PermitAll
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class HashCostCalibration {
    private static final Logger LOG = Logger.getLogger(HashCostCalibration.class.getName());
    static final Duration TARGET = Duration.ofMillis(10);

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    private volatile HashCost current = HashCost.OWASP;

    @PostConstruct
    void loadOrCalibrate() {
        StoredHashCost stored = em.find(StoredHashCost.class, StoredHashCost.ID);
        if (stored != null) {
            current = stored.cost();
            return;
        }
        Duration target = Duration.ofMillis(Long.getLong("signet.password.hash.millis", TARGET.toMillis()));
        HashCost cost = HashCost.calibrate(target, HashCostCalibration::time);
        em.persist(new StoredHashCost(cost, Instant.now()));
        current = cost;
        LOG.info(() -> "First boot: Argon2id cost m=" + cost.memoryKib() + " KiB, t=" + cost.iterations()
                + ", p=" + cost.parallelism() + " takes about " + time(cost) / 1_000_000 + " ms here");
    }

    public HashCost current() {
        return current;
    }

    private static long time(HashCost cost) {
        long start = System.nanoTime();
        PasswordHash.argon2("calibration".toCharArray(), new byte[16], cost, 32);
        return System.nanoTime() - start;
    }
}
