package dev.signet.radius;

import dev.signet.adapter.radius.RadiusEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RADIUS server's volume as metrics on the Prometheus endpoint (management interface,
 * {@code /prometheus}): {@code signet_radius_requests_total} by type and answer,
 * {@code signet_radius_decision_seconds} by method and outcome, {@code signet_radius_drops_total}
 * by reason, {@code signet_radius_accounting_total} by status type. Every label takes a few
 * fixed values (never a user or client name), so the series stay bounded. Meters are kept here,
 * as {@code LdapTraffic} does: finding one in the registry each time costs more than the count.
 */
@ApplicationScoped
public class RadiusTraffic {
    /** RADIUS requests answered, by type (access, accounting, status) and answer. */
    static final String REQUESTS = "signet.radius.requests";
    /** Time the core took to decide an Access-Request, by method and answer. */
    static final String DECISION = "signet.radius.decision";
    /** RADIUS datagrams dropped without an answer, by reason. */
    static final String DROPS = "signet.radius.drops";
    /** Retransmissions answered again from the duplicate cache (RFC 5080), not decided again. */
    static final String DUPLICATES = "signet.radius.duplicates";
    /** Accounting-Requests recorded, by Acct-Status-Type. */
    static final String ACCOUNTING = "signet.radius.accounting";

    @Inject
    MeterRegistry registry;

    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Timer> decisions = new ConcurrentHashMap<>();
    private final Map<RadiusEvent, Counter> events = new ConcurrentHashMap<>();
    private final Map<String, Counter> accounting = new ConcurrentHashMap<>();

    /** An Access-Request decided: its method (pap, chap, eap, mschapv2, none), the answer, the time the core took. */
    public void decided(String method, String answer, Duration took) {
        requests.computeIfAbsent("access|" + answer, k -> registry.counter(REQUESTS, "type", "access", "answer", answer)).increment();
        decisions.computeIfAbsent(method + "|" + answer, k -> registry.timer(DECISION, "method", method, "answer", answer)).record(took);
    }

    public void accounted(int statusType) {
        String status = switch (statusType) {
            case 1 -> "start";
            case 2 -> "stop";
            case 3 -> "interim";
            case 7 -> "accounting_on";
            case 8 -> "accounting_off";
            default -> "other";
        };
        requests.computeIfAbsent("accounting|response", k -> registry.counter(REQUESTS, "type", "accounting", "answer", "response")).increment();
        accounting.computeIfAbsent(status, k -> registry.counter(ACCOUNTING, "status", status)).increment();
    }

    /** What the adapter handled itself: drops by reason, Status-Server and duplicate answers. */
    public void observed(Map<RadiusEvent, Long> counts) {
        counts.forEach((event, n) -> events.computeIfAbsent(event, e -> switch (e) {
            case STATUS_SERVER -> registry.counter(REQUESTS, "type", "status", "answer", "accept");
            case DUPLICATE_ANSWERED -> registry.counter(DUPLICATES);
            default -> registry.counter(DROPS, "reason", e.label());
        }).increment(n));
    }
}
