package dev.signet.audit;

import java.time.Instant;
import java.util.UUID;

/** One audit event as the trail is read: what happened, to whom, by whom, from where. */
public record AuditRecord(Long id, Instant at, String type, String outcome, UUID actorUuid, String actorName, UUID targetUuid,
                          String targetName, String source, String detail) {
    static AuditRecord of(AuditEvent e) {
        return new AuditRecord(e.id(), e.at(), e.type(), e.outcome(), e.actorUuid(), e.actorName(), e.targetUuid(), e.targetName(),
                e.source(), e.detail());
    }
}
