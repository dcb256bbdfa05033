package dev.signet.entry;

import dev.signet.model.EntryKind;
import dev.signet.model.LockEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.util.List;

/** An account's locks and unlocks, oldest first, as views (who did it by name, not by row). */
// access is decided in code (AccessControl), per entry and attribute, not by container roles
@PermitAll
@Stateless
public class LockHistory {
    @EJB
    private Lifecycle lifecycle;

    public record Change(boolean locked, String reason, Instant at) {
    }

    public List<Change> of(EntryKind kind, String id) {
        return lifecycle.lockHistory(kind, id).stream().map(LockHistory::change).toList();
    }

    private static Change change(LockEvent event) {
        return new Change(event.locked(), event.reason(), event.at());
    }
}
