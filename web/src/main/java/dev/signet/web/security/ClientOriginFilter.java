package dev.signet.web.security;

import dev.signet.audit.ClientOrigin;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Tells the core which address each request came from, for the audit trail. */
@WebFilter("/*")
public class ClientOriginFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Inject
    private transient ClientOrigin origin;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        origin.setAddress(request.getRemoteAddr());
        chain.doFilter(request, response);
    }
}
