package dev.signet.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point in time as people type it: {@code "1 hour ago"}, {@code "90 minutes ago"},
 * {@code "2 days ago"}, {@code now}, {@code today}, {@code yesterday}, a date
 * ({@code 2026-12-01}, midnight in the local zone), a local date and time, or an RFC 3339 instant.
 */
final class TimeSpec {
    private static final Pattern AGO = Pattern.compile("(\\d+)\\s*([a-z]+)\\s+ago");

    private TimeSpec() {
    }

    static Instant parse(String text, Clock clock) {
        String spec = text.trim().toLowerCase(Locale.ROOT);
        ZoneId zone = clock.getZone();
        switch (spec) {
            case "now":
                return clock.instant();
            case "today":
                return LocalDate.now(clock).atStartOfDay(zone).toInstant();
            case "yesterday":
                return LocalDate.now(clock).minusDays(1).atStartOfDay(zone).toInstant();
            default:
                break;
        }
        Matcher ago = AGO.matcher(spec);
        if (ago.matches()) {
            long amount = Long.parseLong(ago.group(1));
            return clock.instant().minus(unit(ago.group(2), text).multipliedBy(amount));
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            // a local form, below
        }
        try {
            return LocalDateTime.parse(text.trim()).atZone(zone).toInstant();
        } catch (DateTimeParseException notLocal) {
            // a date, below
        }
        try {
            return LocalDate.parse(text.trim()).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw CliFault.usage("cannot read the time '" + text + "': give e.g. \"1 hour ago\", \"2 days ago\", 2026-12-01 or 2026-12-01T08:00:00Z");
        }
    }

    private static Duration unit(String unit, String text) {
        return switch (unit) {
            case "s", "sec", "secs", "second", "seconds" -> Duration.ofSeconds(1);
            case "m", "min", "mins", "minute", "minutes" -> Duration.ofMinutes(1);
            case "h", "hour", "hours" -> Duration.ofHours(1);
            case "d", "day", "days" -> Duration.ofDays(1);
            case "w", "week", "weeks" -> Duration.ofDays(7);
            default -> throw CliFault.usage("cannot read the time '" + text + "': the unit is seconds, minutes, hours, days or weeks");
        };
    }
}
