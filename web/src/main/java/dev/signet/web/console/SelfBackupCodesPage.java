package dev.signet.web.console;

import dev.signet.credential.BackupCodes;
import dev.signet.credential.CredentialStatus;
import dev.signet.entry.Entries;
import dev.signet.entry.EntryView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/**
 * {@code /ui/self/backup-codes}: how many backup codes are left, and a new set (the old set stops
 * working). The codes are shown on the page after the change and never again: the core keeps only
 * their hashes, the session forgets them once shown, and the page is {@code no-store}.
 */
@Named("selfBackupCodes")
@RequestScoped
public class SelfBackupCodesPage {
    static final String PAGE = "/ui/self/backup-codes";
    private static final String SHOWN = "backup-codes";

    @EJB
    private BackupCodes backupCodes;
    @EJB
    private CredentialStatus credentials;
    @EJB
    private Entries entries;

    private CredentialStatus.Summary status;
    private List<String> codes;
    private boolean taken;

    public CredentialStatus.Summary getStatus() {
        if (status == null) {
            EntryView self = entries.self();
            status = credentials.of(self.kind(), self.uuid().toString());
        }
        return status;
    }

    public void generate() {
        List<String> made = Pages.attempt(() -> backupCodes.generate());
        if (made != null) {
            ConsoleSession.showOnce(Pages.request(), SHOWN, String.join("\n", made));
            Pages.done("New backup codes made; any older ones no longer work.", PAGE);
        }
    }

    /** The codes just made, on this one page view; empty on every other. */
    public List<String> getCodes() {
        if (!taken) {
            String shown = ConsoleSession.takeShown(Pages.request(), SHOWN);
            codes = shown == null ? List.of() : List.of(shown.split("\n"));
            taken = true;
        }
        return codes;
    }
}
