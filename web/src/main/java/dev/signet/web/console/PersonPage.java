package dev.signet.web.console;

import dev.signet.auth.ResetIntents;
import dev.signet.auth.SoftLocks;
import dev.signet.credential.CredentialStatus;
import dev.signet.entry.LockHistory;
import dev.signet.fault.SignetFault;
import dev.signet.model.EntryKind;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /ui/admin/person?id=name}: besides what every entry page has, SSH keys, lock with a
 * reason and unlock (with the history), credential status, lockout reset, and a credential reset
 * link shown once with its QR code.
 */
@Named("person")
@RequestScoped
public class PersonPage extends EntryPage {
    @EJB
    private CredentialStatus credentials;
    @EJB
    private LockHistory locks;
    @EJB
    private SoftLocks softLocks;
    @EJB
    private ResetIntents resets;

    private String lockReason;
    private String sshTag;
    private String sshKey;
    private CredentialStatus.Summary status;
    private String resetLink;
    private boolean resetTaken;

    @Override
    EntryKind kind() {
        return EntryKind.PERSON;
    }

    @Override
    String page() {
        return "/ui/admin/person";
    }

    @Override
    String list() {
        return "/ui/admin/people";
    }

    @Override
    List<String> editable() {
        return List.of("displayname", "legalname", "mail");
    }

    public CredentialStatus.Summary getCredentials() {
        if (status == null && getEntry() != null) {
            try {
                status = credentials.of(kind(), getId());
            } catch (SignetFault e) {
                return null;
            }
        }
        return status;
    }

    public List<LockHistory.Change> getLockHistory() {
        if (getEntry() == null) {
            return List.of();
        }
        try {
            return locks.of(kind(), getId());
        } catch (SignetFault e) {
            return List.of();
        }
    }

    public boolean isLocked() {
        return "true".equals(first("locked"));
    }

    public void lock() {
        if (Pages.attempt(() -> lifecycle.lock(kind(), getId(), lockReason))) {
            Pages.done("Locked.", here());
        }
    }

    public void unlock() {
        if (Pages.attempt(() -> lifecycle.unlock(kind(), getId()))) {
            Pages.done("Unlocked.", here());
        }
    }

    public void resetLockout() {
        if (Pages.attempt(() -> softLocks.lift(kind(), getId()))) {
            Pages.done("Failed sign-in attempts forgotten: the account may sign in again at once.", here());
        }
    }

    public void addSshKey() {
        String value = (sshTag == null ? "" : sshTag.trim()) + ": " + (sshKey == null ? "" : sshKey.trim());
        if (Pages.attempt(() -> entries.appendAttribute(kind(), getId(), "ssh_publickey", List.of(value))) != null) {
            Pages.done("SSH key added.", here());
        }
    }

    public void removeSshKey(String value) {
        if (Pages.attempt(() -> entries.removeAttribute(kind(), getId(), "ssh_publickey", List.of(value))) != null) {
            Pages.done("SSH key removed.", here());
        }
    }

    /** The link is made here and shown on the next page only (with its QR code); it is never stored in the clear. */
    public void createResetLink() {
        ResetIntents.Created created = Pages.attempt(() -> resets.create(getId(), null));
        if (created != null) {
            HttpServletRequest request = Pages.request();
            String link = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + "/ui/reset?token="
                    + URLEncoder.encode(created.token(), StandardCharsets.UTF_8);
            ConsoleSession.showOnce(request, "reset-link", link);
            Pages.done("Reset link created; it works until " + created.expires() + ".", here());
        }
    }

    public String getResetLink() {
        if (!resetTaken) {
            resetLink = ConsoleSession.takeShown(Pages.request(), "reset-link");
            resetTaken = true;
        }
        return resetLink;
    }

    public String getResetQr() {
        return getResetLink() == null ? null : QrCode.svgDataUri(getResetLink());
    }

    public String getLockReason() {
        return lockReason;
    }

    public void setLockReason(String lockReason) {
        this.lockReason = lockReason;
    }

    public String getSshTag() {
        return sshTag;
    }

    public void setSshTag(String sshTag) {
        this.sshTag = sshTag;
    }

    public String getSshKey() {
        return sshKey;
    }

    public void setSshKey(String sshKey) {
        this.sshKey = sshKey;
    }
}
