package dev.signet.web.console;

import dev.signet.credential.PasskeyChallenge;
import dev.signet.credential.PasskeyInfo;
import dev.signet.credential.Passkeys;
import dev.signet.web.v1.PasskeyJson;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;

/**
 * {@code /ui/self/passkeys}: the person's passkeys, removing one, and enrolling one: the core's
 * registration options go to the browser in a {@code data-} attribute, {@code passkey-enrol.js}
 * calls {@code navigator.credentials.create} and posts the authenticator's answer back, and the
 * core verifies it (the one part of the self-service pages that needs JavaScript).
 */
@Named("selfPasskeys")
@ViewScoped
public class SelfPasskeysPage implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String PAGE = "/ui/self/passkeys";

    @EJB
    private transient Passkeys passkeys;

    private String label;
    private String ceremony;
    private String options;
    private String credential;
    private transient List<PasskeyInfo> list;

    public List<PasskeyInfo> getPasskeys() {
        if (list == null) {
            list = passkeys.list();
        }
        return list;
    }

    public void begin() {
        PasskeyChallenge challenge = Pages.attempt(() -> passkeys.beginRegistration());
        if (challenge != null) {
            ceremony = challenge.ceremony();
            options = PasskeyJson.creationOptions(challenge).toString();
        }
    }

    public void finish() {
        String attestation;
        String clientData;
        try {
            JsonObject response = Json.createReader(new StringReader(credential == null ? "" : credential)).readObject()
                    .getJsonObject("response");
            attestation = text(response, "attestationObject");
            clientData = text(response, "clientDataJSON");
        } catch (JsonException | ClassCastException | NullPointerException e) {
            Pages.error("The browser did not make a passkey; try again.");
            reset();
            return;
        }
        String started = ceremony;
        reset();
        if (Pages.attempt(() -> passkeys.finishRegistration(started, label, attestation, clientData)) != null) {
            Pages.done("Passkey added: you can sign in with it instead of a password.", PAGE);
        }
    }

    public void cancel() {
        reset();
        Pages.redirect(PAGE);
    }

    public void remove(String id) {
        if (Pages.attempt(() -> passkeys.remove(UUID.fromString(id)))) {
            Pages.done("Passkey removed.", PAGE);
        }
    }

    private void reset() {
        ceremony = null;
        options = null;
        credential = null;
    }

    private static String text(JsonObject object, String field) {
        JsonValue value = object.get(field);
        return value instanceof JsonString s ? s.getString() : null;
    }

    public boolean isEnrolling() {
        return options != null;
    }

    /** The {@code publicKey} options for {@code navigator.credentials.create}, for the script. */
    public String getOptions() {
        return options;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getCredential() {
        return null;
    }

    public void setCredential(String credential) {
        this.credential = credential;
    }
}
