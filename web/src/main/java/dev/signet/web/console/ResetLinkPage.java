package dev.signet.web.console;

import dev.signet.auth.ResetIntents;
import dev.signet.fault.SignetFault;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /ui/reset?token=...}: the page a credential reset link opens. Opening it changes nothing
 * (a link preview or a mail scanner must not use up the token); the person's "Continue" posts it,
 * the core's {@link ResetIntents#exchange} redeems it once for a short session that may only
 * change their own credentials, and the console continues on the password page in that session.
 */
@Named("resetLink")
@RequestScoped
public class ResetLinkPage {
    @EJB
    private ResetIntents resets;
    @Inject
    private HttpServletRequest request;

    /** The token of the link, from the query on the first view and from the form on "Continue". */
    public String getToken() {
        return request.getParameter("token");
    }

    public boolean isPresent() {
        String token = getToken();
        return token != null && !token.isBlank();
    }

    public void redeem() {
        String session;
        try {
            session = resets.exchange(getToken());
        } catch (SignetFault refused) {
            Pages.error("This reset link is invalid, used or expired. Ask an administrator for a new one.");
            return;
        }
        ConsoleSession.signIn(request, session);
        Pages.done("Reset link accepted. Set a new password now; you can also add an authenticator app or a passkey. "
                + "This session lasts 30 minutes and can only change your credentials.", SelfPasswordPage.PAGE);
    }
}
