package dev.signet.directory;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The LDAP gateway's volume as metrics, in the server's Micrometer registry (Prometheus format on
 * the management interface, {@code /prometheus}): searches and their time by result code, entries
 * returned, binds by result code. Binds are audited one by one as well; searches are too many to.
 */
@ApplicationScoped
public class LdapTraffic {
    @Inject
    MeterRegistry registry;

    public void searched(int resultCode, int entriesReturned, Duration took) {
        registry.timer("signet.ldap.searches", "result_code", Integer.toString(resultCode)).record(took);
        registry.counter("signet.ldap.search.entries").increment(entriesReturned);
    }

    public void bound(int resultCode) {
        registry.counter("signet.ldap.binds", "result_code", Integer.toString(resultCode)).increment();
    }
}
