package dev.signet.directory;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An instant in LDAP's Generalized Time syntax (RFC 4517 3.3.13), always in UTC:
 * {@code 20261203183452.655674Z}. The fraction of a second is given only when there is one, without
 * trailing zeros (the DER form of X.680), so the same instant always reads the same.
 */
final class GeneralizedTime {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withZone(ZoneOffset.UTC);

    private GeneralizedTime() {
    }

    static String of(Instant instant) {
        StringBuilder time = new StringBuilder(SECONDS.format(instant));
        int nanos = instant.getNano();
        if (nanos != 0) {
            String fraction = String.format("%09d", nanos).replaceFirst("0+$", "");
            time.append('.').append(fraction);
        }
        return time.append('Z').toString();
    }

    /** A value stored as ISO-8601 ({@link Instant#toString()}), as Generalized Time. */
    static String of(String iso) {
        return of(Instant.parse(iso));
    }
}
