package dev.signet.web.console;

import dev.signet.auth.OwnSessions;
import dev.signet.auth.SessionSummary;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /ui/self/sessions}: the person's sessions (console, REST, OAuth2 sign-ins), this one
 * marked, and signing out any other, or all others at once, e.g. a lost laptop's. Ending a session
 * only reduces access, so a read-only session may do it.
 */
@Named("selfSessions")
@RequestScoped
public class SelfSessionsPage {
    static final String PAGE = "/ui/self/sessions";

    @EJB
    private OwnSessions sessions;

    private List<SessionSummary> list;
    private Optional<UUID> current;

    public List<SessionSummary> getSessions() {
        if (list == null) {
            list = sessions.list();
        }
        return list;
    }

    public boolean isCurrent(SessionSummary session) {
        if (current == null) {
            current = sessions.current().map(SessionSummary::id);
        }
        return current.filter(session.id()::equals).isPresent();
    }

    public boolean isOthers() {
        return getSessions().stream().anyMatch(s -> !isCurrent(s));
    }

    public void signOut(String id) {
        UUID session = UUID.fromString(id);
        if (current().filter(session::equals).isPresent()) {
            Pages.error("That is this session: use Sign out at the top of the page.");
            return;
        }
        if (Pages.attempt(() -> sessions.revoke(session))) {
            Pages.done("That session is signed out.", PAGE);
        }
    }

    public void signOutOthers() {
        List<UUID> others = getSessions().stream().filter(s -> !isCurrent(s)).map(SessionSummary::id).toList();
        if (Pages.attempt(() -> others.forEach(sessions::revoke))) {
            Pages.done(others.size() == 1 ? "1 other session signed out." : others.size() + " other sessions signed out.", PAGE);
        }
    }

    private Optional<UUID> current() {
        if (current == null) {
            current = sessions.current().map(SessionSummary::id);
        }
        return current;
    }
}
