package dev.signet.auth;

import dev.signet.access.AccessControl;
import dev.signet.access.AdminArea;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.fault.AccessDenied;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the console may show its caller: the admin areas open to it and its session's read-write
 * window. The pages ask here rather than deciding themselves, and every action they take is
 * checked again by the service it calls.
 */
@PermitAll
@Stateless
public class ConsoleAccess {
    @EJB
    private Callers callers;

    @EJB
    private OwnSessions sessions;

    /**
     * @param name the account's name, or "anonymous"
     * @param areas the admin areas open to the caller (empty for a plain person)
     * @param readWriteUntil the end of the session's read-write window, when it is open now
     * @param expires the end of the session
     */
    public record Seat(String name, boolean signedIn, Set<AdminArea> areas, Optional<Instant> readWriteUntil,
                       Optional<Instant> expires) {
        public Seat {
            areas = areas.isEmpty() ? Set.of() : Set.copyOf(areas);
        }
    }

    public Seat seat() {
        Caller caller = callers.current();
        if (caller.anonymous()) {
            return new Seat(caller.name(), false, Set.of(), Optional.empty(), Optional.empty());
        }
        Set<AdminArea> areas = EnumSet.noneOf(AdminArea.class);
        for (AdminArea area : AdminArea.values()) {
            if (area.openTo(caller)) {
                areas.add(area);
            }
        }
        Optional<SessionSummary> session = sessions.current();
        return new Seat(caller.name(), true, areas, session.flatMap(SessionSummary::readWriteUntil), session.map(SessionSummary::expires));
    }

    /** Refuses a caller the area is not open to (the console answers its 403 page). */
    public void require(AdminArea area) {
        Caller caller = callers.current();
        AccessControl.requireAuthenticated(caller);
        if (!area.openTo(caller)) {
            throw new AccessDenied("this part of the console is not open to " + caller.name());
        }
    }
}
