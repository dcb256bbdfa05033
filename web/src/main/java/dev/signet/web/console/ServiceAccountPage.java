package dev.signet.web.console;

import dev.signet.auth.ApiTokens;
import dev.signet.fault.SignetFault;
import dev.signet.model.EntryKind;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * {@code /ui/admin/service-account?id=name}: its attributes and groups, and its API tokens:
 * issued (shown once, with a copy button), listed, revoked.
 */
@Named("serviceAccount")
@RequestScoped
public class ServiceAccountPage extends EntryPage {
    @EJB
    private ApiTokens tokens;

    private String label;
    private String expiry;
    private boolean readWrite;
    private String issued;
    private boolean issuedTaken;

    @Override
    EntryKind kind() {
        return EntryKind.SERVICE_ACCOUNT;
    }

    @Override
    String page() {
        return "/ui/admin/service-account";
    }

    @Override
    String list() {
        return "/ui/admin/service-accounts";
    }

    @Override
    List<String> editable() {
        return List.of("displayname", "description");
    }

    public List<ApiTokens.TokenInfo> getTokens() {
        if (getEntry() == null) {
            return List.of();
        }
        try {
            return tokens.infos(getId());
        } catch (SignetFault e) {
            return List.of();
        }
    }

    public void issue() {
        Instant until;
        try {
            until = expiry == null || expiry.isBlank() ? null : LocalDate.parse(expiry.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            Pages.error("The expiry is a date, e.g. 2027-01-31.");
            return;
        }
        ApiTokens.Issued made = Pages.attempt(() -> tokens.issue(getId(), label, until, readWrite));
        if (made != null) {
            ConsoleSession.showOnce(Pages.request(), "api-token", made.token());
            Pages.done("API token " + label + " issued.", here());
        }
    }

    public void revoke(UUID token) {
        if (Pages.attempt(() -> tokens.revoke(getId(), token))) {
            Pages.done("Token revoked.", here());
        }
    }

    public String getIssued() {
        if (!issuedTaken) {
            issued = ConsoleSession.takeShown(Pages.request(), "api-token");
            issuedTaken = true;
        }
        return issued;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getExpiry() {
        return expiry;
    }

    public void setExpiry(String expiry) {
        this.expiry = expiry;
    }

    public boolean isReadWrite() {
        return readWrite;
    }

    public void setReadWrite(boolean readWrite) {
        this.readWrite = readWrite;
    }
}
