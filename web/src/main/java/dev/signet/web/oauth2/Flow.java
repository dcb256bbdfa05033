package dev.signet.web.oauth2;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** {@code #{flow.page}}: the sign-in flow's page being rendered; a page that is never a Faces form (no view state, no session). */
@Named("flow")
@RequestScoped
public class Flow {
    static final String PAGE = "signet.flow";

    @Inject
    private HttpServletRequest request;

    public FlowPage getPage() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null && faces.getViewRoot() != null) {
            faces.getViewRoot().setTransient(true);
        }
        Object page = request.getAttribute(PAGE);
        return page instanceof FlowPage flow ? flow : FlowPage.of(FlowPage.Kind.MESSAGE, "Sign-in request refused", "Sign-in request refused");
    }
}
