package dev.signet.web.console;

import dev.signet.sync.SyncAccounts;
import dev.signet.sync.SyncOverview;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code /ui/admin/sync-accounts}: each sync account with its last run, and creating one. */
@Named("syncAccounts")
@RequestScoped
public class SyncAccountsPage {
    @EJB
    private SyncOverview overview;
    @EJB
    private SyncAccounts accounts;

    private List<SyncOverview.Account> all;
    private String name;
    private String description;

    public List<SyncOverview.Account> getAll() {
        if (all == null) {
            all = overview.accounts();
        }
        return all;
    }

    public static String link(String name) {
        return "/ui/admin/sync-account?id=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    public String linkOf(SyncOverview.Account account) {
        return link(account.name());
    }

    public void create() {
        String made = Pages.attempt(() -> accounts.create(name, description == null || description.isBlank() ? null : description.trim()).name());
        if (made != null) {
            Pages.done("Sync account " + made + " created.", link(made));
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
