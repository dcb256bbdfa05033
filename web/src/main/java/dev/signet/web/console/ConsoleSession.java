package dev.signet.web.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.nio.charset.StandardCharsets;

/**
 * What the console keeps in its HTTP session: the signed-in account's token (the same token
 * {@code POST /v1/auth} hands out, so the core sees the console exactly as it sees a REST client)
 * and the session's CSRF token. The session cookie is Secure, HttpOnly and SameSite=Strict
 * (web.xml); the token never reaches the browser.
 */
public final class ConsoleSession {
    static final String TOKEN = "signet.token";
    static final String CSRF = "signet.csrf";
    /** The form field every console form posts its CSRF token in. */
    public static final String CSRF_FIELD = "signet_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConsoleSession() {
    }

    /** The bearer token of a console request, when it belongs to a signed-in console session. */
    public static String tokenOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!(path.equals("/ui") || path.startsWith("/ui/"))) {
            return null; // the session cookie never authenticates the REST API: a REST client proves itself with a header
        }
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(TOKEN);
    }

    /**
     * Signs the browser in: a new session id (no fixation of one planted before), the token, and a
     * new CSRF token.
     */
    static void signIn(HttpServletRequest request, String token) {
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession();
        session.setAttribute(TOKEN, token);
        session.setAttribute(CSRF, random());
    }

    /** A reauthentication's token for the same session (now read-write). */
    static void replaceToken(HttpServletRequest request, String token) {
        request.getSession().setAttribute(TOKEN, token);
    }

    static String csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        String token = (String) session.getAttribute(CSRF);
        if (token == null) {
            token = random();
            session.setAttribute(CSRF, token);
        }
        return token;
    }

    /** Whether a state-changing request carries its session's CSRF token. */
    static boolean csrfMatches(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String expected = session == null ? null : (String) session.getAttribute(CSRF);
        String sent = request.getParameter(CSRF_FIELD);
        return expected != null && sent != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Keeps a secret for the next page this session shows, and only for it: the page after a
     * redirect shows it, a reload does not (the page is also no-store).
     */
    static void showOnce(HttpServletRequest request, String key, String secret) {
        request.getSession().setAttribute("signet.once." + key, secret);
    }

    static String takeShown(HttpServletRequest request, String key) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        String secret = (String) session.getAttribute("signet.once." + key);
        session.removeAttribute("signet.once." + key);
        return secret;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
