package dev.signet.audit;

import jakarta.annotation.security.PermitAll;
import dev.signet.access.AccessControl;
import dev.signet.access.Callers;
import dev.signet.fault.InvalidInput;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.util.List;

/** Reading the audit trail: system admins only. */
@PermitAll
@Stateless
public class AuditTrail {
    public static final int MAX_READ = 10_000;

    @EJB
    private Callers callers;
    @EJB
    private Audit audit;

    /** A page of events, oldest first: at or after {@code since}, and after the event {@code after} (null on the first page). */
    public List<AuditRecord> read(Instant since, String type, int limit, Long after) {
        AccessControl.requireAudit(callers.current());
        if (limit < 1 || limit > MAX_READ) {
            throw new InvalidInput("limit", "limit must be 1 to " + MAX_READ);
        }
        return audit.since(since, type, limit, after).stream().map(AuditRecord::of).toList();
    }
}
