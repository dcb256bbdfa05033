package dev.signet.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A uid/gid number that has been given out, kept forever so no number is handed out twice, even
 * after its entry is purged (files on disk still carry it).
 */
@Entity
@Table(name = "posix_id_used")
public class PosixIdUsed {
    @Id
    private int number;

    @Column(name = "entry_uuid", nullable = false)
    private UUID entry;

    @Column(nullable = false)
    private Instant at;

    protected PosixIdUsed() {
    }

    public PosixIdUsed(int number, UUID entry, Instant at) {
        this.number = number;
        this.entry = entry;
        this.at = at;
    }
}
