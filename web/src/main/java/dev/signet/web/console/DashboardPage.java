package dev.signet.web.console;

import dev.signet.access.AdminArea;
import dev.signet.auth.ConsoleAccess;
import dev.signet.audit.AuditSearch;
import dev.signet.entry.EntrySearch;
import dev.signet.model.EntryKind;
import dev.signet.oauth2.OAuth2Clients;
import dev.signet.sync.SyncOverview;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /ui/admin/dashboard}: how many people, groups, service accounts and OAuth2 clients;
 * sync accounts with their last run; and, for those who may read the audit trail, the recent
 * failed authentications and a chart of successes and failures per hour over the last 24 hours.
 * Each part is shown only when the core opens its area to the caller.
 */
@Named("dashboard")
@RequestScoped
public class DashboardPage {
    /** The chart's drawing area in SVG units. */
    static final int WIDTH = 720;
    static final int HEIGHT = 160;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH").withZone(ZoneOffset.UTC);

    @EJB
    private ConsoleAccess access;
    @EJB
    private EntrySearch search;
    @EJB
    private OAuth2Clients clients;
    @EJB
    private SyncOverview sync;
    @EJB
    private AuditSearch audit;

    private Set<AdminArea> areas;
    private Map<EntryKind, Long> counts;
    private List<AuditSearch.Hour> hours;

    /** One bar pair of the chart, in SVG units. */
    public record Bar(int x, int width, int successY, int successHeight, int failureY, int failureHeight, String label,
                      String title) {
    }

    private Set<AdminArea> areas() {
        if (areas == null) {
            areas = access.seat().areas();
        }
        return areas;
    }

    public boolean open(String area) {
        return areas().contains(AdminArea.valueOf(area));
    }

    public Map<EntryKind, Long> getCounts() {
        if (counts == null) {
            counts = search.counts();
        }
        return counts;
    }

    public long count(String kind) {
        return getCounts().getOrDefault(EntryKind.valueOf(kind), 0L);
    }

    public int getClientCount() {
        return open("OAUTH2_CLIENTS") ? clients.list().size() : 0;
    }

    public List<SyncOverview.Account> getSyncAccounts() {
        return open("SYNC_ACCOUNTS") ? sync.accounts() : List.of();
    }

    public List<AuditSearch.Event> getRecentFailures() {
        return open("AUDIT") ? audit.recentFailures(10) : List.of();
    }

    private List<AuditSearch.Hour> hours() {
        if (hours == null) {
            hours = open("AUDIT") ? audit.authenticationsByHour() : List.of();
        }
        return hours;
    }

    public long getSuccesses() {
        return hours().stream().mapToLong(AuditSearch.Hour::successes).sum();
    }

    public long getFailures() {
        return hours().stream().mapToLong(AuditSearch.Hour::failures).sum();
    }

    /** Two bars per hour (successes, failures), scaled to the busiest hour. */
    public List<Bar> getBars() {
        List<AuditSearch.Hour> all = hours();
        long peak = Math.max(1, all.stream().mapToLong(h -> Math.max(h.successes(), h.failures())).max().orElse(1));
        int slot = WIDTH / Math.max(1, all.size());
        int bar = Math.max(2, slot / 2 - 2);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            AuditSearch.Hour h = all.get(i);
            int ok = (int) Math.round((double) h.successes() / peak * HEIGHT);
            int fail = (int) Math.round((double) h.failures() / peak * HEIGHT);
            bars.add(new Bar(i * slot + 1, bar, HEIGHT - ok, ok, HEIGHT - fail, fail, HOUR.format(h.start()),
                    HOUR.format(h.start()) + ":00 UTC: " + h.successes() + " succeeded, " + h.failures() + " failed"));
        }
        return bars;
    }

    public int getChartWidth() {
        return WIDTH;
    }

    public int getChartHeight() {
        return HEIGHT;
    }
}
