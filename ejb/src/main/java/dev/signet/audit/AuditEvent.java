package dev.signet.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One audited event: who did what to which entry, when, from where, and how it ended. Rows are
 * only ever inserted (no setters, nothing updates or deletes them).
 */
@Entity
@Table(name = "audit_event", indexes = {
        @Index(name = "audit_event_at", columnList = "at"),
        @Index(name = "audit_event_type_at", columnList = "type, at"),
        // the console filters the trail by who acted and on whom
        @Index(name = "audit_event_actor_at", columnList = "actor_name, at"),
        @Index(name = "audit_event_target_at", columnList = "target_name, at")})
public class AuditEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false, length = 64)
    private String type;

    @Column(name = "actor_uuid")
    private UUID actorUuid;

    @Column(name = "actor_name", length = 320)
    private String actorName;

    @Column(name = "target_uuid")
    private UUID targetUuid;

    @Column(name = "target_name", length = 320)
    private String targetName;

    @Column(length = 64)
    private String source;

    @Column(nullable = false, length = 16)
    private String outcome;

    @Column(length = 2048)
    private String detail;

    protected AuditEvent() {
    }

    AuditEvent(Instant at, String type, UUID actorUuid, String actorName, UUID targetUuid, String targetName,
               String source, String outcome, String detail) {
        this.at = at;
        this.type = type;
        this.actorUuid = actorUuid;
        this.actorName = actorName;
        this.targetUuid = targetUuid;
        this.targetName = targetName;
        this.source = source;
        this.outcome = outcome;
        this.detail = detail;
    }

    public Long id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public String type() {
        return type;
    }

    public UUID actorUuid() {
        return actorUuid;
    }

    public String actorName() {
        return actorName;
    }

    public UUID targetUuid() {
        return targetUuid;
    }

    public String targetName() {
        return targetName;
    }

    public String source() {
        return source;
    }

    public String outcome() {
        return outcome;
    }

    public String detail() {
        return detail;
    }
}
