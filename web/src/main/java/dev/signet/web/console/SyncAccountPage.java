package dev.signet.web.console;

import dev.signet.fault.SignetFault;
import dev.signet.sync.LdapSource;
import dev.signet.sync.SourceProbe;
import dev.signet.sync.SyncAccounts;
import dev.signet.sync.SyncOverview;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code /ui/admin/sync-account?id=name}: the sync token, the LDAP source with "test connection",
 * yielded attributes, the schedule, "Run now" with the run's live progress ({@code ?run=}), the
 * run history with conflict reports, and finalise/terminate behind typing the account's name.
 */
@Named("syncAccount")
@RequestScoped
public class SyncAccountPage {
    @EJB
    private SyncOverview overview;
    @EJB
    private SyncAccounts accounts;

    private String id;
    private String run;
    private SyncOverview.Account account;
    private boolean missing;
    private List<SyncOverview.Run> runs;
    private String url;
    private String bindDn;
    private String bindPassword;
    private String baseDn;
    private String personFilter;
    private String groupFilter;
    private String caPem;
    private String yields;
    private String schedule;
    private String typed;
    private String token;
    private boolean tokenTaken;
    private SourceProbe.Result probe;

    public SyncOverview.Account getAccount() {
        if (account == null && !missing) {
            try {
                account = overview.account(getId() == null ? "" : getId());
                account.ldap().ifPresent(source -> {
                    url = source.url();
                    bindDn = source.bindDn();
                    baseDn = source.baseDn();
                    personFilter = source.personFilter();
                    groupFilter = source.groupFilter();
                    caPem = source.caPem();
                });
                yields = String.join(" ", account.yieldAttributes());
                schedule = account.schedule().orElse("");
            } catch (SignetFault e) {
                missing = true;
                Pages.error(e.getMessage());
            }
        }
        return account;
    }

    public List<SyncOverview.Run> getRuns() {
        if (runs == null) {
            runs = getAccount() == null ? List.of() : overview.runs(getId());
        }
        return runs;
    }

    /** The run this page follows ({@code ?run=}), when it exists. */
    public SyncOverview.Run getFollowed() {
        if (run == null || getAccount() == null) {
            return null;
        }
        return getRuns().stream().filter(r -> r.id().toString().equals(run)).findFirst().orElse(null);
    }

    private String here() {
        return SyncAccountsPage.link(getAccount() == null ? id : account.name());
    }

    public void issueToken() {
        String issued = Pages.attempt(() -> accounts.issueToken(getId()));
        if (issued != null) {
            ConsoleSession.showOnce(Pages.request(), "sync-token", issued);
            Pages.done("Sync token issued: any earlier one no longer works.", here());
        }
    }

    public void destroyToken() {
        if (Pages.attempt(() -> accounts.destroyToken(getId()))) {
            Pages.done("Sync token destroyed.", here());
        }
    }

    public String getToken() {
        if (!tokenTaken) {
            token = ConsoleSession.takeShown(Pages.request(), "sync-token");
            tokenTaken = true;
        }
        return token;
    }

    public void saveSource() {
        getAccount();
        String password = bindPassword;
        bindPassword = null;
        Object saved = Pages.attempt(() -> accounts.readFromLdap(getId(), new LdapSource(blank(url), blank(bindDn), blank(baseDn),
                blank(personFilter), blank(groupFilter), blank(caPem), List.of(), null, null), password == null ? "" : password));
        if (saved != null) {
            Pages.done("LDAP source saved.", here());
        }
    }

    /** Tries the stored source as a run would (connect, TLS, bind, count); shown on this page. */
    public void testConnection() {
        probe = Pages.attempt(() -> accounts.testLdap(getId()));
    }

    public SourceProbe.Result getProbe() {
        return probe;
    }

    public void saveYields() {
        List<String> list = yields == null ? List.of() : Arrays.stream(yields.split("[\\s,]+")).filter(s -> !s.isBlank()).toList();
        if (Pages.attempt(() -> accounts.yieldAttributes(getId(), list)) != null) {
            Pages.done("Yielded attributes saved.", here());
        }
    }

    public void saveSchedule() {
        if (Pages.attempt(() -> accounts.schedule(getId(), schedule == null || schedule.isBlank() ? null : schedule.trim())) != null) {
            Pages.done(schedule == null || schedule.isBlank() ? "Schedule removed." : "Schedule saved.", here());
        }
    }

    /** Starts a run and follows it on this page. */
    public void runNow() {
        UUID started = Pages.attempt(() -> accounts.run(getId()));
        if (started != null) {
            Pages.done("Run started.", here() + "&run=" + started);
        }
    }

    public void finalise() {
        confirmed(() -> accounts.finalise(getId()), "Finalised: %d entries are now Signet's own.");
    }

    public void terminate() {
        confirmed(() -> accounts.terminate(getId()), "Terminated: %d imported entries deleted.");
    }

    private void confirmed(Supplier<SyncAccounts.Ended> action, String said) {
        getAccount();
        if (account == null || !account.name().equals(typed == null ? "" : typed.trim())) {
            Pages.error("Type the account's name exactly to confirm.");
            return;
        }
        SyncAccounts.Ended ended = Pages.attempt(action);
        if (ended != null) {
            Pages.done(String.format(said, ended.entries()), "/ui/admin/sync-accounts");
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public Optional<SyncOverview.Run> lastRun() {
        return getAccount() == null ? Optional.empty() : account.lastRun();
    }

    /** From the view parameter, or straight from the request while a post is processed (before the model is updated). */
    public String getId() {
        if (id == null) {
            id = Pages.request().getParameter("id");
        }
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRun() {
        return run;
    }

    public void setRun(String run) {
        this.run = run;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getBindDn() {
        return bindDn;
    }

    public void setBindDn(String bindDn) {
        this.bindDn = bindDn;
    }

    public String getBindPassword() {
        return null;
    }

    public void setBindPassword(String bindPassword) {
        this.bindPassword = bindPassword;
    }

    public String getBaseDn() {
        return baseDn;
    }

    public void setBaseDn(String baseDn) {
        this.baseDn = baseDn;
    }

    public String getPersonFilter() {
        return personFilter;
    }

    public void setPersonFilter(String personFilter) {
        this.personFilter = personFilter;
    }

    public String getGroupFilter() {
        return groupFilter;
    }

    public void setGroupFilter(String groupFilter) {
        this.groupFilter = groupFilter;
    }

    public String getCaPem() {
        return caPem;
    }

    public void setCaPem(String caPem) {
        this.caPem = caPem;
    }

    public String getYields() {
        return yields;
    }

    public void setYields(String yields) {
        this.yields = yields;
    }

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public String getTyped() {
        return typed;
    }

    public void setTyped(String typed) {
        this.typed = typed;
    }
}
