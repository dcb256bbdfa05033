package dev.signet.web.console;

import dev.signet.model.EntryKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** {@code /ui/admin/people}. */
@Named("people")
@RequestScoped
public class PeoplePage extends EntryList {
    @Override
    EntryKind kind() {
        return EntryKind.PERSON;
    }

    @Override
    String entryPage() {
        return "/ui/admin/person";
    }
}
