package dev.signet.web.console;

import dev.signet.access.AdminArea;
import dev.signet.auth.ConsoleAccess;
import jakarta.ejb.EJB;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;

/**
 * The console's gate, in front of every page under {@code /ui}: security headers (a CSP whose
 * only scripts carry this response's nonce, no framing, no caching), a browser at {@code /} sent
 * to the console, sign-in before any page but the public ones (coming back to the page asked for),
 * the CSRF token on every state-changing request, and the 403 page for an admin page the core
 * does not open to the caller. Requests outside {@code /ui} pass untouched.
 */
public class ConsoleFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    /** The request attribute holding this response's CSP nonce, for the templates' script tags. */
    public static final String NONCE = "signet.nonce";
    /** The request attribute saying why a request was refused, for the 403 page. */
    public static final String REFUSAL = "signet.refusal";
    static final String SIGN_IN = "/ui/signin";
    /** The container's request and response of a sign-in flow request, for including its page template. */
    public static final String ORIGINAL_REQUEST = "signet.original.request";
    public static final String ORIGINAL_RESPONSE = "signet.original.response";
    /** Pages a browser may see before signing in. */
    private static final Set<String> PUBLIC = Set.of(SIGN_IN, "/ui/forbidden", "/ui/reset");
    /** The admin pages and the area of the console each belongs to (by the name's first word). */
    private static final Map<String, AdminArea> AREAS = Map.ofEntries(
            Map.entry("people", AdminArea.PEOPLE), Map.entry("person", AdminArea.PEOPLE),
            Map.entry("groups", AdminArea.GROUPS), Map.entry("group", AdminArea.GROUPS),
            Map.entry("service-accounts", AdminArea.SERVICE_ACCOUNTS), Map.entry("service-account", AdminArea.SERVICE_ACCOUNTS),
            Map.entry("oauth2-clients", AdminArea.OAUTH2_CLIENTS), Map.entry("oauth2-client", AdminArea.OAUTH2_CLIENTS),
            Map.entry("sync-accounts", AdminArea.SYNC_ACCOUNTS), Map.entry("sync-account", AdminArea.SYNC_ACCOUNTS),
            Map.entry("radius-clients", AdminArea.RADIUS_CLIENTS), Map.entry("radius-client", AdminArea.RADIUS_CLIENTS),
            Map.entry("recycle-bin", AdminArea.RECYCLE_BIN), Map.entry("audit", AdminArea.AUDIT));
    private static final SecureRandom RANDOM = new SecureRandom();

    @EJB
    private transient ConsoleAccess access;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/") || path.isEmpty()) {
            if (wantsHtml(request)) {
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", request.getContextPath() + "/ui");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (path.startsWith("/oauth2/")) {
            // the sign-in flow renders its pages from the same templates, by including them with the container's own objects
            request.setAttribute(ORIGINAL_REQUEST, request);
            request.setAttribute(ORIGINAL_RESPONSE, response);
        }
        if ((path.startsWith("/oauth2-pages/") || path.startsWith("/resources/")) && request.getDispatcherType() == DispatcherType.REQUEST) {
            // the sign-in flow's page and the composite components are rendered inside other pages, never asked for
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!(path.equals("/ui") || path.startsWith("/ui/"))) {
            chain.doFilter(request, response);
            return;
        }
        secure(request, response);
        if (path.equals("/ui") || path.equals("/ui/")) {
            redirect(request, response, "/ui/home");
            return;
        }
        boolean signedIn = request.getUserPrincipal() != null;
        if (!signedIn && !PUBLIC.contains(path)) {
            String asked = path + (request.getQueryString() == null || !"GET".equals(request.getMethod()) ? "" : "?" + request.getQueryString());
            redirect(request, response, SIGN_IN + "?next=" + URLEncoder.encode(asked, StandardCharsets.UTF_8));
            return;
        }
        if (!safe(request.getMethod()) && !ConsoleSession.csrfMatches(request)) {
            refuse(request, response, "The form was not sent with this session's token: it may have expired, or it came from another site. "
                    + "Go back, reload the page and try again.");
            return;
        }
        if (path.startsWith("/ui/admin/") && !open(path.substring("/ui/admin/".length()))) {
            refuse(request, response, "This page is for administrators.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The dashboard is open to anyone with some admin area; every other admin page to its area. */
    private boolean open(String page) {
        Set<AdminArea> areas = access.seat().areas();
        String name = page.contains("/") ? page.substring(0, page.indexOf('/')) : page;
        AdminArea area = AREAS.get(name);
        return area == null ? !areas.isEmpty() : areas.contains(area);
    }

    private static boolean safe(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    /** A browser asks for HTML first; an API client asks for JSON or anything. */
    private static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return safe(request.getMethod()) && accept != null && accept.contains("text/html");
    }

    private static void secure(HttpServletRequest request, HttpServletResponse response) {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        request.setAttribute(NONCE, nonce);
        response.setHeader("Content-Security-Policy", "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'self'; "
                + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        // console pages show secrets (shown once) and personal data: never kept by a cache
        response.setHeader("Cache-Control", "no-store");
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String to) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + to);
    }

    /** The 403 page, rendered for a plain GET (a refused form's fields must not reach Faces as a postback). */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException, ServletException {
        request.setAttribute(REFUSAL, reason);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        request.getRequestDispatcher("/ui/forbidden").forward(new PlainGet(request), response);
    }

    /** The request as a GET without parameters. */
    private static final class PlainGet extends HttpServletRequestWrapper {
        PlainGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}
