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
    @Inject
    MeterRegistry registry;

    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Timer> decisions = new ConcurrentHashMap<>();
    private final Map<RadiusEvent, Counter> events = new ConcurrentHashMap<>();
    private final Map<String, Counter> accounting = new ConcurrentHashMap<>();

    /** An Access-Request decided: its method (pap, chap, eap, mschapv2, none), the answer, the time the core took. */
    public void decided(String method, String answer, Duration took) {
        requests.computeIfAbsent("access|" + answer, k -> Counter.builder("signet.radius.requests")
                .description("RADIUS requests answered, by type (access, accounting, status) and answer")
                .tag("type", "access").tag("answer", answer).register(registry)).increment();
        decisions.computeIfAbsent(method + "|" + answer, k -> Timer.builder("signet.radius.decision")
                .description("Time the core took to decide an Access-Request, by method and answer")
                .tag("method", method).tag("answer", answer).register(registry)).record(took);
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
        requests.computeIfAbsent("accounting|response", k -> Counter.builder("signet.radius.requests")
                .description("RADIUS requests answered, by type (access, accounting, status) and answer")
                .tag("type", "accounting").tag("answer", "response").register(registry)).increment();
        accounting.computeIfAbsent(status, k -> Counter.builder("signet.radius.accounting")
                .description("RADIUS Accounting-Requests recorded, by Acct-Status-Type")
                .tag("status", status).register(registry)).increment();
    }

    /** What the adapter handled itself: drops by reason, Status-Server and duplicate answers. */
    public void observed(Map<RadiusEvent, Long> counts) {
        counts.forEach((event, n) -> events.computeIfAbsent(event, e -> switch (e) {
            case STATUS_SERVER -> Counter.builder("signet.radius.requests")
                    .description("RADIUS requests answered, by type (access, accounting, status) and answer")
                    .tag("type", "status").tag("answer", "accept").register(registry);
            case DUPLICATE_ANSWERED -> Counter.builder("signet.radius.duplicates")
                    .description("Retransmitted RADIUS requests answered again from the duplicate cache (RFC 5080), not decided again")
                    .register(registry);
            default -> Counter.builder("signet.radius.drops")
                    .description("RADIUS datagrams dropped without an answer, by reason")
                    .tag("reason", e.label()).register(registry);
        }).increment(n));
    }
}
