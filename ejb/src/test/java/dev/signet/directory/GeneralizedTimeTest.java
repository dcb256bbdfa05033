package dev.signet.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import java.time.OffsetDateTime;

class GeneralizedTimeTest {
    @Test
    void microsecondsAreKeptAsTheFraction() {
        assertEquals("20261203183452.655674Z", GeneralizedTime.of(Instant.parse("2026-12-03T18:34:52.655674Z")));
    }

    @Test
    void wholeSecondsHaveNoFraction() {
        assertEquals("20261203183452Z", GeneralizedTime.of(Instant.parse("2026-12-03T18:34:52Z")));
    }

    @Test
    void trailingZerosOfTheFractionAreDropped() {
        assertEquals("20260101000000.5Z", GeneralizedTime.of(Instant.parse("2026-01-01T00:00:00.500Z")));
        assertEquals("20260101000000.000000001Z", GeneralizedTime.of(Instant.parse("2026-01-01T00:00:00.000000001Z")));
    }

    @Test
    void anIsoValueWithAnOffsetIsWrittenInUtc() {
        assertEquals("20261203173452Z", GeneralizedTime.of("2026-12-03T17:34:52Z"));
        assertEquals("20261231230000Z", GeneralizedTime.of(OffsetDateTime.parse("2027-01-01T01:00:00+02:00").toInstant()));
    }
}
