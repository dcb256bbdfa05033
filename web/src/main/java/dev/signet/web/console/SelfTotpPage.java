package dev.signet.web.console;

import dev.signet.credential.TotpEnrolment;
import dev.signet.credential.TotpInfo;
import dev.signet.credential.Totps;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * {@code /ui/self/totp}: the person's authenticator apps, and enrolling one in two steps: the core
 * makes the secret (shown here with its QR code, drawn on the server), then a code from the app
 * proves it was copied and activates it. The secret lives only in this view until then.
 */
@Named("selfTotp")
@ViewScoped
public class SelfTotpPage implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String PAGE = "/ui/self/totp";

    @EJB
    private transient Totps totps;

    private String label;
    private String code;
    private UUID pending;
    private String uri;
    private String secret;
    private transient List<TotpInfo> list;

    public List<TotpInfo> getAuthenticators() {
        if (list == null) {
            list = totps.list();
        }
        return list;
    }

    public void begin() {
        TotpEnrolment enrolment = Pages.attempt(() -> totps.enrol(label, null, null));
        if (enrolment != null) {
            pending = enrolment.id();
            uri = enrolment.uri();
            secret = enrolment.secret();
        }
    }

    public void verify() {
        String typed = code == null ? "" : code.strip();
        code = null;
        if (Pages.attempt(() -> totps.confirm(pending, typed))) {
            forget();
            Pages.done("Authenticator app added: from now on you sign in with your password and a code.", PAGE);
        }
    }

    /** Gives up on the enrolment shown; the core keeps an unverified one unused (it never signs anyone in). */
    public void cancel() {
        if (pending != null) {
            UUID abandoned = pending;
            forget();
            Pages.attempt(() -> totps.remove(abandoned));
        }
        Pages.redirect(PAGE);
    }

    public void remove(String id) {
        if (Pages.attempt(() -> totps.remove(UUID.fromString(id)))) {
            Pages.done("Authenticator app removed.", PAGE);
        }
    }

    private void forget() {
        pending = null;
        uri = null;
        secret = null;
    }

    public boolean isEnrolling() {
        return pending != null;
    }

    public String getSecret() {
        return secret;
    }

    /** The secret in groups of four, as authenticator apps show it when typed by hand. */
    public String getGroupedSecret() {
        return secret == null ? null : secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    public String getQr() {
        return uri == null ? null : QrCode.svgDataUri(uri);
    }

    public String getUri() {
        return uri;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getCode() {
        return null;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
