package dev.signet.web.console;

import dev.signet.fault.SignetFault;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** What every page bean does the same way: messages, redirects after a change, refusals shown as messages. */
public final class Pages {
    private Pages() {
    }

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    public static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** An error beside one field ({@code <h:message for=...>}). */
    public static void error(String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /**
     * Runs a change through the core. A refusal is shown as a message on the same page; a
     * read-only session is sent to reauthenticate and brought back.
     *
     * @return whether the change was made
     */
    public static boolean attempt(Runnable change) {
        return attempt(() -> {
            change.run();
            return Boolean.TRUE;
        }) != null;
    }

    public static <T> T attempt(Supplier<T> change) {
        try {
            return change.get();
        } catch (SignetFault refused) {
            // a change refused for a read-only session goes to reauthentication and back; a read
            // while the page renders can only say so
            if (refused.getMessage() != null && refused.getMessage().startsWith("this session is read-only")
                    && FacesContext.getCurrentInstance().getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
                redirect("/ui/reauth?next=" + URLEncoder.encode(here(), StandardCharsets.UTF_8));
                return null;
            }
            error(refused.getMessage());
            return null;
        }
    }

    /** The page being shown (path and query), as the browser asked for it. */
    public static String here() {
        HttpServletRequest request = (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }

    /** A change made: said on the next page shown (after the redirect), then to {@code path}. */
    public static void done(String message, String path) {
        ConsoleSession.showOnce(request(), "notice", message);
        redirect(path);
    }

    /** The message of the change made just before this page, once. */
    public static String notice() {
        return ConsoleSession.takeShown(request(), "notice");
    }

    static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    /** Post/redirect/get: the browser's reload shows the page again, it does not repeat the change. */
    public static void redirect(String path) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page to return to that is one of the console's own (never another site, never "//host"). */
    public static String safeNext(String next) {
        if (next == null || !next.startsWith("/ui/") || next.startsWith("/ui/signin") || next.contains("//") || next.contains("\\")) {
            return "/ui/home";
        }
        return next;
    }
}
