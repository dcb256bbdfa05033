package dev.signet.web.console;

import dev.signet.auth.AuthOutcome;
import dev.signet.auth.Authentication;
import dev.signet.auth.BrowserSignIn;
import dev.signet.fault.SignetFault;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.UUID;

/**
 * {@code /ui/reauth}: a signed-in person proves a credential again (as {@code POST /v1/reauth}
 * does) and the session becomes read-write for the core's privilege window; back to the page
 * they came from, where the header then shows "editing enabled, m:ss left".
 */
@Named("reauth")
@ViewScoped
public class ReauthPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private transient BrowserSignIn signIn;
    @Inject
    private transient HttpServletRequest request;

    private String next;
    private UUID auth;
    private boolean secondFactor;
    private String password;
    private String code;

    /** Begins the reauthentication when the page is first shown. */
    public void begin() {
        if (auth != null) {
            return;
        }
        try {
            BrowserSignIn.CredentialForm form = signIn.startReauth(ConsoleSession.tokenOf(request), null);
            auth = form.auth();
            secondFactor = form.secondFactor();
        } catch (SignetFault refused) {
            Pages.error(refused.getMessage());
        }
    }

    public void confirm() {
        char[] typed = password == null ? new char[0] : password.toCharArray();
        password = null;
        String factor = secondFactor ? (code == null ? "" : code) : null;
        code = null;
        AuthOutcome outcome;
        try {
            outcome = signIn.credentials(auth, factor, typed);
        } catch (SignetFault refused) {
            auth = null;
            Pages.error(refused.getMessage());
            begin();
            return;
        }
        auth = null;
        if (outcome.state() != AuthOutcome.State.SUCCESS) {
            Pages.error(Authentication.DENIED);
            begin();
            return;
        }
        ConsoleSession.replaceToken(request, outcome.token());
        Pages.redirect(Pages.safeNext(next));
    }

    public boolean isSecondFactor() {
        return secondFactor;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getCode() {
        return null;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
