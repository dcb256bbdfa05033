package dev.signet.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** {@code #{moments.of(instant)}}: a time as people read it on a page ("2026-12-04 18:55 UTC"), not as ISO 8601 with nanoseconds. */
@Named("moments")
@ApplicationScoped
public class Moments {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String of(Instant at) {
        return at == null ? "" : MINUTE.format(at);
    }
}
