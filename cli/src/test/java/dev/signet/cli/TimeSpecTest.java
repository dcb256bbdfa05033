package dev.signet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeSpecTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T18:30:00Z"), ZoneId.of("Europe/Berlin"));

    @Test
    void agoCountsBackFromNow() {
        assertEquals(Instant.parse("2026-12-04T17:30:00Z"), TimeSpec.parse("1 hour ago", CLOCK));
        assertEquals(Instant.parse("2026-12-04T17:00:00Z"), TimeSpec.parse("90 minutes ago", CLOCK));
        assertEquals(Instant.parse("2026-12-02T18:30:00Z"), TimeSpec.parse("2 days ago", CLOCK));
        assertEquals(Instant.parse("2026-11-27T18:30:00Z"), TimeSpec.parse("1 week ago", CLOCK));
        assertEquals(Instant.parse("2026-12-04T18:29:30Z"), TimeSpec.parse("30s ago", CLOCK));
        assertEquals(Instant.parse("2026-12-04T15:30:00Z"), TimeSpec.parse("  3 HOURS AGO ", CLOCK));
    }

    @Test
    void wordsAreTheirMoments() {
        assertEquals(CLOCK.instant(), TimeSpec.parse("now", CLOCK));
        // midnight in the local zone (Berlin is UTC+1 in December)
        assertEquals(Instant.parse("2026-12-03T23:00:00Z"), TimeSpec.parse("today", CLOCK));
        assertEquals(Instant.parse("2026-12-02T23:00:00Z"), TimeSpec.parse("yesterday", CLOCK));
    }

    @Test
    void datesAndTimesAsWritten() {
        assertEquals(Instant.parse("2026-12-01T08:00:00Z"), TimeSpec.parse("2026-12-01T08:00:00Z", CLOCK));
        assertEquals(Instant.parse("2026-12-01T07:00:00Z"), TimeSpec.parse("2026-12-01T08:00:00+01:00", CLOCK));
        assertEquals(Instant.parse("2026-11-30T23:00:00Z"), TimeSpec.parse("2026-12-01", CLOCK));
        assertEquals(Instant.parse("2026-12-01T07:15:00Z"), TimeSpec.parse("2026-12-01T08:15", CLOCK));
    }

    @Test
    void whatIsNoTimeIsAUsageError() {
        CliFault unit = assertThrows(CliFault.class, () -> TimeSpec.parse("3 fortnights ago", CLOCK));
        assertEquals(CliFault.USAGE, unit.exitCode());
        assertTrue(unit.getMessage().contains("unit"), unit.getMessage());
        CliFault nonsense = assertThrows(CliFault.class, () -> TimeSpec.parse("last tuesday", CLOCK));
        assertEquals(CliFault.USAGE, nonsense.exitCode());
        assertTrue(nonsense.getMessage().contains("1 hour ago"), nonsense.getMessage());
    }
}
