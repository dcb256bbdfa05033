package dev.signet.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The next uid/gid number to try; one row, locked while a number is allocated. */
@Entity
@Table(name = "posix_id_counter")
public class PosixIdCounter {
    public static final int ID = 1;
    /** Below 65536 belongs to the operating systems that read these numbers. */
    public static final int FIRST = 65536;

    @Id
    private int id = ID;

    @Column(nullable = false)
    private int next = FIRST;

    public int next() {
        return next;
    }

    public void advancePast(int used) {
        if (used >= next) {
            next = used + 1;
        }
    }
}
