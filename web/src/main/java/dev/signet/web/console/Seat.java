package dev.signet.web.console;

import dev.signet.access.AdminArea;
import dev.signet.auth.ConsoleAccess;
import dev.signet.auth.Tokens;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code #{seat}}: who sits at the console, what the core opens to them (the menu shows only
 * that), and the read-write window ("editing enabled, 9:41 left"). Asked once per request.
 */
@Named("seat")
@RequestScoped
public class Seat {
    @EJB
    private ConsoleAccess access;
    @EJB
    private Tokens tokens;
    @Inject
    private HttpServletRequest request;

    private ConsoleAccess.Seat seat;

    private ConsoleAccess.Seat seat() {
        if (seat == null) {
            seat = access.seat();
        }
        return seat;
    }

    public String getName() {
        return seat().name();
    }

    public boolean isSignedIn() {
        return seat().signedIn();
    }

    /** Whether any admin area is open: the admin menu is shown at all. */
    public boolean isAdmin() {
        return !seat().areas().isEmpty();
    }

    /** {@code #{seat.open('PEOPLE')}}: whether that admin area is open. */
    public boolean open(String area) {
        return seat().areas().contains(AdminArea.valueOf(area));
    }

    public boolean isWritable() {
        return seat().readWriteUntil().isPresent();
    }

    /** "editing enabled, 9:41 left", computed as the page is rendered (a script counts it down). */
    public String getWindowLabel() {
        return seat().readWriteUntil().map(until -> {
            long seconds = Math.max(0, Duration.between(Instant.now(), until).toSeconds());
            return String.format("editing enabled, %d:%02d left", seconds / 60, seconds % 60);
        }).orElse("read-only");
    }

    /** The window's end in epoch milliseconds, for the countdown script; 0 when closed. */
    public long getWindowEnds() {
        return seat().readWriteUntil().map(Instant::toEpochMilli).orElse(0L);
    }

    /** The page being shown, to come back to after a reauthentication. */
    public String getHere() {
        String path = request.getRequestURI();
        String query = request.getQueryString();
        return URLEncoder.encode(query == null ? path : path + "?" + query, StandardCharsets.UTF_8);
    }

    /** Ends the session in the core (its token stops working everywhere) and in the browser. */
    public void signOut() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String token = ConsoleSession.tokenOf(request);
        if (token != null) {
            tokens.revoke(token);
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        external.redirect(external.getRequestContextPath() + ConsoleFilter.SIGN_IN + "?signedout=1");
    }
}
