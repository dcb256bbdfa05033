package dev.signet.web.console;

import dev.signet.auth.AuthOutcome;
import dev.signet.auth.Authentication;
import dev.signet.auth.BrowserSignIn;
import dev.signet.fault.SignetFault;
import dev.signet.web.v1.PasskeyJson;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.io.StringReader;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code /ui/signin}: the name, then the credentials the account has (password; password and a
 * TOTP or backup code; or a passkey), each step one call of the core's {@link BrowserSignIn}, so
 * lockout, rate limit, policy and audit are those of {@code /v1/auth}. A failure of any kind
 * shows the one public denial and starts again from the name.
 */
@Named("signIn")
@ViewScoped
public class SignInPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private transient BrowserSignIn signIn;
    @Inject
    private transient HttpServletRequest request;

    private String next;
    private String step = "username";
    private String username;
    private String password;
    private String code;
    private UUID auth;
    private boolean secondFactor;
    private boolean passkeyOffered;
    private String passkeyOptions;
    private String assertion;

    public void next() {
        try {
            BrowserSignIn.CredentialForm form = signIn.start(username);
            auth = form.auth();
            username = form.username();
            secondFactor = form.secondFactor();
            passkeyOffered = form.passkeyOffered();
            step = "credentials";
        } catch (SignetFault refused) {
            Pages.error(refused.getMessage());
        }
    }

    public void signIn() {
        char[] typed = password == null ? new char[0] : password.toCharArray();
        password = null;
        String factor = secondFactor ? (code == null ? "" : code) : null;
        code = null;
        concluded(() -> signIn.credentials(auth, factor, typed));
    }

    public void usePasskey() {
        try {
            BrowserSignIn.PasskeyCeremony ceremony = signIn.startPasskey(username);
            auth = ceremony.auth();
            passkeyOptions = PasskeyJson.requestOptions(ceremony.challenge()).toString();
            step = "passkey";
        } catch (SignetFault refused) {
            startOver(refused.getMessage());
        }
    }

    public void finishPasskey() {
        JsonValue parsed;
        try {
            parsed = Json.createReader(new StringReader(assertion == null ? "" : assertion)).readValue();
        } catch (JsonException e) {
            startOver("The passkey was not used; try again or use your password.");
            return;
        }
        concluded(() -> signIn.finishPasskey(auth, PasskeyJson.assertion(parsed)));
    }

    public void startOver() {
        step = "username";
        auth = null;
    }

    private void concluded(Supplier<AuthOutcome> credential) {
        AuthOutcome outcome;
        try {
            outcome = credential.get();
        } catch (SignetFault refused) {
            startOver(refused.getMessage());
            return;
        }
        if (outcome.state() != AuthOutcome.State.SUCCESS) {
            startOver(Authentication.DENIED);
            return;
        }
        ConsoleSession.signIn(request, outcome.token());
        Pages.redirect(Pages.safeNext(next));
    }

    private void startOver(String why) {
        startOver();
        Pages.error(why);
    }

    public String getStep() {
        return step;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return null; // never rendered back
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

    public boolean isSecondFactor() {
        return secondFactor;
    }

    public boolean isPasskeyOffered() {
        return passkeyOffered;
    }

    public String getPasskeyOptions() {
        return passkeyOptions;
    }

    public String getAssertion() {
        return null;
    }

    public void setAssertion(String assertion) {
        this.assertion = assertion;
    }
}
