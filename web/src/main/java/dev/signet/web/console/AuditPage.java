package dev.signet.web.console;

import dev.signet.audit.AuditSearch;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code /ui/admin/audit}: the trail newest first, filtered by type, actor, target and time
 * (a GET form, so a filter is a link), 100 at a time ("Older" pages on from the last row), and
 * the same filter exported as NDJSON.
 */
@Named("audit")
@RequestScoped
public class AuditPage {
    static final int PAGE_SIZE = 100;

    @EJB
    private AuditSearch search;

    private String type;
    private String actor;
    private String target;
    private String from;
    private String to;
    private Long before;
    private List<AuditSearch.Event> events;

    /** The filter, with times read as UTC ({@code datetime-local} fields). */
    static AuditSearch.Filter filter(String type, String actor, String target, String from, String to) {
        return new AuditSearch.Filter(type, actor, target, instant(from), instant(to));
    }

    static Instant instant(String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.trim()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public List<AuditSearch.Event> getEvents() {
        if (events == null) {
            events = Pages.attempt(() -> search.page(filter(type, actor, target, from, to), before, PAGE_SIZE));
            if (events == null) {
                events = List.of();
            }
        }
        return events;
    }

    private String query() {
        StringBuilder q = new StringBuilder();
        add(q, "type", type);
        add(q, "actor", actor);
        add(q, "target", target);
        add(q, "from", from);
        add(q, "to", to);
        return q.toString();
    }

    private static void add(StringBuilder q, String name, String value) {
        if (value != null && !value.isBlank()) {
            q.append(q.isEmpty() ? "" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    public String getOlder() {
        List<AuditSearch.Event> shown = getEvents();
        return shown.size() < PAGE_SIZE ? null : "?" + query() + (query().isEmpty() ? "" : "&") + "before=" + shown.get(shown.size() - 1).id();
    }

    public String getNewest() {
        return before == null ? null : "?" + query();
    }

    public String getExport() {
        return "/ui/admin/audit/export?" + query();
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public Long getBefore() {
        return before;
    }

    public void setBefore(Long before) {
        this.before = before;
    }
}
