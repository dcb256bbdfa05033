package dev.signet.entry;

import jakarta.annotation.security.PermitAll;
import dev.signet.fault.Conflict;
import dev.signet.fault.InvalidInput;
import dev.signet.model.PosixIdCounter;
import dev.signet.model.PosixIdUsed;
import dev.signet.schema.Schema;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;

/**
 * Hands out uid/gid numbers from 65536 up, each at most once for the life of the installation:
 * every number given out is recorded, and the counter row is locked while one is chosen, so two
 * nodes never hand out the same number.
 */
@PermitAll
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class PosixIds {
    /** Largest number handed out; above it lie the ranges Linux reserves (nobody, 2^31 ...). */
    static final int LAST = 0x7fff_fffe;

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    public int allocate(UUID entry) {
        PosixIdCounter counter = lockedCounter();
        int candidate = counter.next();
        while (em.find(PosixIdUsed.class, candidate) != null) {
            candidate++;
        }
        if (candidate > LAST) {
            throw new Conflict(Schema.GIDNUMBER, "no uid/gid numbers left");
        }
        em.persist(new PosixIdUsed(candidate, entry, Instant.now()));
        counter.advancePast(candidate);
        return candidate;
    }

    /** Accepts an explicitly requested number only if it was never handed out before. */
    public int claim(UUID entry, long requested) {
        if (requested < PosixIdCounter.FIRST || requested > LAST) {
            throw new InvalidInput(Schema.GIDNUMBER, "gidnumber must be between " + PosixIdCounter.FIRST + " and " + LAST);
        }
        int number = (int) requested;
        lockedCounter();
        if (em.find(PosixIdUsed.class, number) != null) {
            throw new Conflict(Schema.GIDNUMBER, "gidnumber " + number + " is or was in use and is never reused");
        }
        em.persist(new PosixIdUsed(number, entry, Instant.now()));
        return number;
    }

    private PosixIdCounter lockedCounter() {
        PosixIdCounter counter = em.find(PosixIdCounter.class, PosixIdCounter.ID, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            counter = new PosixIdCounter();
            em.persist(counter);
            em.flush();
        }
        return counter;
    }
}
