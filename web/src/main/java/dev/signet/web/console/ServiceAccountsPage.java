package dev.signet.web.console;

import dev.signet.model.EntryKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** {@code /ui/admin/service-accounts}. */
@Named("serviceAccounts")
@RequestScoped
public class ServiceAccountsPage extends EntryList {
    @Override
    EntryKind kind() {
        return EntryKind.SERVICE_ACCOUNT;
    }

    @Override
    String entryPage() {
        return "/ui/admin/service-account";
    }
}
