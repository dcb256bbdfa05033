package dev.signet.web.security;

import dev.signet.auth.Tokens;
import dev.signet.auth.VerifiedToken;
import dev.signet.web.console.ConsoleSession;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;

/**
 * Validates {@code Authorization: Bearer} on every request, or on a console page ({@code /ui})
 * the token its session holds. A valid token makes its account and
 * session the caller the container propagates to the core. A request without a valid token (none,
 * expired, revoked, forged) is anonymous, and the core answers 401 where that is not enough.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {
    private static final String BEARER = "Bearer ";

    @EJB
    private Tokens tokens;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        String bearer = header == null ? ConsoleSession.tokenOf(request)
                : header.regionMatches(true, 0, BEARER, 0, BEARER.length()) ? header.substring(BEARER.length()).trim() : null;
        if (bearer == null) {
            return context.doNothing();
        }
        Optional<VerifiedToken> token = tokens.verify(bearer);
        if (token.isEmpty()) {
            return context.doNothing();
        }
        // the core reads account and session back from the principal (Callers)
        return context.notifyContainerAboutLogin(new CallerPrincipal(token.get().principalName()), Set.of());
    }
}
