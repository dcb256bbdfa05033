package dev.signet.sync;

import dev.signet.fault.InvalidInput;
import jakarta.ejb.ScheduleExpression;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A sync account's schedule in cron's five-field form ({@code minute hour day-of-month month
 * day-of-week}, or six fields with seconds first) or one of the shorthands {@code @hourly},
 * {@code @daily}, {@code @weekly}, checked the way cron checks it and turned into the EJB timer
 * expression that fires it. Operators know cron; the timer service does not, and it refuses what
 * it cannot run only when the timer is made, as a stack trace.
 *
 * <p>Each field is a list of {@code *}, {@code n}, {@code a-b}, each optionally stepped
 * ({@code /s}); months and days of the week may be named ({@code JAN}, {@code MON}) as in cron,
 * and day of week 7 is Sunday as 0 is. A schedule that can never fire ({@code 0 0 31 2 *}) is
 * refused rather than kept as a timer that silently never runs.
 */
public final class CronSchedule {
    private static final Map<String, String> SHORTHANDS = Map.of(
            "@hourly", "0 * * * *",
            "@daily", "0 0 * * *",
            "@weekly", "0 0 * * 0");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");
    /** The most days each month can have (February in a leap year), to find days that never come. */
    private static final int[] MONTH_DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    /** No real schedule is longer; a longer text is not parsed at all. */
    private static final int MAX_LENGTH = 512;

    private enum Field {
        SECOND("second", 0, 59, List.of()),
        MINUTE("minute", 0, 59, List.of()),
        HOUR("hour", 0, 23, List.of()),
        DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
        MONTH("month", 1, 12, MONTHS),
        DAY_OF_WEEK("day-of-week", 0, 7, DAYS);

        final String label;
        final int min;
        final int max;
        final List<String> names;

        Field(String label, int min, int max, List<String> names) {
            this.label = label;
            this.min = min;
            this.max = max;
            this.names = names;
        }
    }

    private final String text;
    /** Per field: null for {@code *} (every value), otherwise the values it names. */
    private final BitSet[] values = new BitSet[Field.values().length];

    private CronSchedule(String text) {
        this.text = text;
    }

    /** The schedule, or 400 naming the field of the schedule that is wrong. */
    public static CronSchedule parse(String schedule) {
        if (schedule == null || schedule.isBlank()) {
            throw invalid("schedule is empty");
        }
        if (schedule.length() > MAX_LENGTH) {
            throw invalid("schedule is longer than " + MAX_LENGTH + " characters");
        }
        String text = schedule.trim().toLowerCase(Locale.ROOT);
        String[] given = SHORTHANDS.getOrDefault(text, text).split("\\s+");
        if (given.length != 5 && given.length != 6) {
            throw invalid("schedule needs 5 fields (minute hour day-of-month month day-of-week), or 6 with seconds first, got "
                    + given.length + ": '" + text + "'");
        }
        CronSchedule parsed = new CronSchedule(text);
        // five fields as in cron (seconds pinned to 0), or six with seconds first as in Quartz
        String[] fields = given.length == 6 ? given : prepend("0", given);
        for (Field field : Field.values()) {
            parsed.values[field.ordinal()] = parseField(field, fields[field.ordinal()]);
        }
        BitSet weekdays = parsed.values[Field.DAY_OF_WEEK.ordinal()];
        if (weekdays != null && weekdays.get(7)) {
            weekdays.clear(7);
            weekdays.set(0);
        }
        parsed.requireSomeDayComes();
        return parsed;
    }

    /** The text as given (lower case), which is what the account keeps. */
    public String text() {
        return text;
    }

    /** The timer expression; explicit values, so the timer service runs exactly what was checked. */
    public ScheduleExpression toScheduleExpression() {
        return new ScheduleExpression()
                .second(render(Field.SECOND))
                .minute(render(Field.MINUTE))
                .hour(render(Field.HOUR))
                .dayOfMonth(render(Field.DAY_OF_MONTH))
                .month(render(Field.MONTH))
                .dayOfWeek(render(Field.DAY_OF_WEEK));
    }

    private String render(Field field) {
        BitSet set = values[field.ordinal()];
        return set == null ? "*" : set.stream().mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    /**
     * With every day of the week allowed, only the days of the month decide (cron and the EJB timer
     * service agree: when both are restricted, either one matching is enough, and every month has
     * every weekday). A day of the month that none of the months has never comes.
     */
    private void requireSomeDayComes() {
        BitSet days = values[Field.DAY_OF_MONTH.ordinal()];
        if (days == null || values[Field.DAY_OF_WEEK.ordinal()] != null) {
            return;
        }
        BitSet months = values[Field.MONTH.ordinal()];
        int first = days.nextSetBit(0);
        for (int month = 1; month <= 12; month++) {
            if ((months == null || months.get(month)) && first <= MONTH_DAYS[month - 1]) {
                return;
            }
        }
        throw invalid("schedule never fires: no month it names has day " + render(Field.DAY_OF_MONTH));
    }

    private static BitSet parseField(Field field, String text) {
        if (text.equals("*")) {
            return null;
        }
        BitSet set = new BitSet(field.max + 1);
        for (String part : text.split(",", -1)) {
            if (part.isEmpty()) {
                throw invalid(field, "'" + text + "' has an empty list element");
            }
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(field, part.substring(slash + 1), part);
                if (step < 1) {
                    throw invalid(field, "step in '" + part + "' must be at least 1");
                }
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = field.min;
                to = field.max;
            } else {
                int dash = range.indexOf('-');
                from = value(field, dash < 0 ? range : range.substring(0, dash), part);
                // "a/s" is "a-max/s", as in cron and the EJB timer service
                to = dash < 0 ? (slash >= 0 ? field.max : from) : value(field, range.substring(dash + 1), part);
                if (from > to) {
                    throw invalid(field, "range '" + range + "' ends before it starts");
                }
            }
            for (int v = from; v <= to; v += step) {
                set.set(v);
            }
        }
        return set;
    }

    private static int value(Field field, String text, String part) {
        int named = field.names.indexOf(text);
        if (named >= 0) {
            return named + (field == Field.MONTH ? 1 : 0);
        }
        int v = number(field, text, part);
        if (v < field.min || v > field.max) {
            throw invalid(field, text + " is out of range " + field.min + "-" + field.max);
        }
        return v;
    }

    private static int number(Field field, String text, String part) {
        if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(field, "'" + part + "' is not a number, " + (field.names.isEmpty() ? "" : "name, ")
                    + "list, range, step or *");
        }
        return Integer.parseInt(text);
    }

    private static String[] prepend(String first, String[] rest) {
        List<String> all = new ArrayList<>(List.of(rest));
        all.add(0, first);
        return all.toArray(String[]::new);
    }

    private static InvalidInput invalid(Field field, String message) {
        return invalid(field.label + ": " + message);
    }

    private static InvalidInput invalid(String message) {
        return new InvalidInput("schedule", message);
    }
}
