package dev.signet.directory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The LDAP gateway's volume as metrics, in the server's Micrometer registry (Prometheus format on
 * the management interface, {@code /prometheus}): searches and their time by result code, entries
 * returned, binds by result code. Binds are audited one by one as well; searches are too many to.
 * The meters are kept here: the server's registry finds a meter by searching all of its own,
 * which cost a fifth of a search's time.
 */
@ApplicationScoped
public class LdapTraffic {
    @Inject
    MeterRegistry registry;

    private final Map<Integer, Timer> searches = new ConcurrentHashMap<>();
    private final Map<Integer, Counter> binds = new ConcurrentHashMap<>();
    private volatile Counter entries;

    public void searched(int resultCode, int entriesReturned, Duration took) {
        searches.computeIfAbsent(resultCode, code -> registry.timer("signet.ldap.searches", "result_code", Integer.toString(code))).record(took);
        Counter returned = entries;
        if (returned == null) {
            returned = entries = registry.counter("signet.ldap.search.entries");
        }
        returned.increment(entriesReturned);
    }

    public void bound(int resultCode) {
        binds.computeIfAbsent(resultCode, code -> registry.counter("signet.ldap.binds", "result_code", Integer.toString(code))).increment();
    }
}
