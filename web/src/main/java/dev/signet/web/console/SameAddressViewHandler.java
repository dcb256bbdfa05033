package dev.signet.web.console;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A form posts back to the address its page was shown at, query included
 * ({@code /ui/admin/person?id=jsmith}): the page's beans read what they show from the request's
 * parameters in every phase, so a post knows its entry before the model is updated.
 */
public class SameAddressViewHandler extends ViewHandlerWrapper {
    public SameAddressViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        String url = getWrapped().getActionURL(context, viewId);
        Object request = context.getExternalContext().getRequest();
        if (request instanceof HttpServletRequest http && http.getQueryString() != null && context.getViewRoot() != null
                && viewId.equals(context.getViewRoot().getViewId()) && !url.contains("?")) {
            return url + "?" + http.getQueryString();
        }
        return url;
    }
}
