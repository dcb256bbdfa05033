package dev.signet.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** {@code #{csrf.token}}: the session's CSRF token, which {@code <s:csrf/>} puts in every form. */
@Named("csrf")
@RequestScoped
public class Csrf {
    @Inject
    private HttpServletRequest request;

    public String getToken() {
        return ConsoleSession.csrfToken(request);
    }

    public String getField() {
        return ConsoleSession.CSRF_FIELD;
    }
}
