package dev.signet.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** {@code #{refusal}}: the 403 page's reason, and its status however the page was reached. */
@Named("refusal")
@RequestScoped
public class Refusal {
    @Inject
    private HttpServletRequest request;

    public String getReason() {
        Object reason = request.getAttribute(ConsoleFilter.REFUSAL);
        return reason == null ? "You may not use this page." : reason.toString();
    }

    public void answer() {
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(403);
    }
}
