package dev.signet.web.console;

import dev.signet.entry.EntryView;
import dev.signet.entry.Lifecycle;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** {@code /ui/admin/recycle-bin}: deleted entries, each revivable until the purge removes it, or purged now. */
@Named("recycleBin")
@RequestScoped
public class RecycleBinPage {
    @EJB
    private Lifecycle lifecycle;

    private List<EntryView> entries;

    public List<EntryView> getEntries() {
        if (entries == null) {
            entries = Pages.attempt(() -> lifecycle.recycleBin());
        }
        return entries == null ? List.of() : entries;
    }

    public void revive(String uuid) {
        EntryView revived = Pages.attempt(() -> lifecycle.revive(uuid));
        if (revived != null) {
            Pages.done(Views.first(revived, "name") + " revived.", "/ui/admin/recycle-bin");
        }
    }

    /** Purges one entry now, and everything that names it (the core's referential integrity). */
    public void purge(String uuid) {
        String name = getEntries().stream().filter(e -> e.uuid().toString().equals(uuid)).findFirst()
                .map(e -> Views.first(e, "name")).orElse("The entry");
        if (Pages.attempt(() -> lifecycle.purge(uuid))) {
            Pages.done(name + " purged.", "/ui/admin/recycle-bin");
        }
    }
}
