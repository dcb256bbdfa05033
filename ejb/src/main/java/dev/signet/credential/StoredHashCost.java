package dev.signet.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The Argon2id cost calibrated on first boot, one row shared by every node of a cluster. */
@Entity
@Table(name = "hash_cost")
class StoredHashCost {
    static final int ID = 1;

    @Id
    private int id;

    @Column(name = "memory_kib", nullable = false)
    private int memoryKib;

    @Column(nullable = false)
    private int iterations;

    @Column(nullable = false)
    private int parallelism;

    @Column(name = "calibrated_at", nullable = false)
    private Instant calibratedAt;

    protected StoredHashCost() {
    }

    StoredHashCost(HashCost cost, Instant calibratedAt) {
        this.id = ID;
        this.memoryKib = cost.memoryKib();
        this.iterations = cost.iterations();
        this.parallelism = cost.parallelism();
        this.calibratedAt = calibratedAt;
    }

    HashCost cost() {
        return new HashCost(memoryKib, iterations, parallelism);
    }
}
