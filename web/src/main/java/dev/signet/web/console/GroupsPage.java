package dev.signet.web.console;

import dev.signet.model.EntryKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** {@code /ui/admin/groups}. */
@Named("groups")
@RequestScoped
public class GroupsPage extends EntryList {
    @Override
    EntryKind kind() {
        return EntryKind.GROUP;
    }

    @Override
    String entryPage() {
        return "/ui/admin/group";
    }
}
