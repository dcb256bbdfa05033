package dev.signet.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One lock or unlock of an account: the history an entry keeps. */
@Entity
@Table(name = "lock_event", indexes = @Index(name = "lock_event_account", columnList = "account_uuid"))
public class LockEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(name = "account_uuid", nullable = false)
    private UUID account;

    @Column(nullable = false)
    private boolean locked;

    @Column(length = 1024)
    private String reason;

    @Column(name = "actor_uuid")
    private UUID actor;

    @Column(nullable = false)
    private Instant at;

    protected LockEvent() {
    }

    public LockEvent(UUID account, boolean locked, String reason, UUID actor, Instant at) {
        this.account = account;
        this.locked = locked;
        this.reason = reason;
        this.actor = actor;
        this.at = at;
    }

    public boolean locked() {
        return locked;
    }

    public String reason() {
        return reason;
    }

    public Instant at() {
        return at;
    }
}
