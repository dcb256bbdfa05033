package dev.signet.batch.schedule;

import jakarta.ejb.ScheduleExpression;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A sync account's schedule in cron's five-field form ({@code minute hour day-of-month month
 * day-of-week}, or six fields with seconds first) or one of the shorthands {@code @hourly}, {@code @daily}, {@code @weekly}, turned
 * into the EJB timer expression that fires it. Operators know cron; the timer service does not.
 */
public record SyncSchedule(String text) {
    private static final Map<String, String> SHORTHANDS = Map.of(
            "@hourly", "0 * * * *",
            "@daily", "0 0 * * *",
            "@weekly", "0 0 * * 0");
    // digits, lists, ranges and steps; the EJB container checks the ranges when the timer is made
    private static final Pattern FIELD = Pattern.compile("\\*(/\\d+)?|\\d+(-\\d+)?(/\\d+)?(,\\d+(-\\d+)?(/\\d+)?)*");

    public SyncSchedule {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("schedule is empty");
        }
        text = text.trim().toLowerCase(Locale.ROOT);
        String[] fields = SHORTHANDS.getOrDefault(text, text).split("\\s+");
        if (fields.length != 5 && fields.length != 6) {
            throw new IllegalArgumentException("schedule needs 5 fields (minute hour day-of-month month day-of-week), "
                    + "or 6 with seconds first, got " + fields.length + ": '" + text + "'");
        }
        for (String field : fields) {
            if (!FIELD.matcher(field).matches()) {
                throw new IllegalArgumentException("schedule field '" + field + "' is not a number, list, range, step or *");
            }
        }
    }

    /** The timer expression; seconds are pinned to 0 as in cron. */
    public ScheduleExpression toScheduleExpression() {
        String[] all = SHORTHANDS.getOrDefault(text, text).split("\\s+");
        // five fields as in cron (seconds pinned to 0), or six with seconds first as in Quartz
        String second = all.length == 6 ? all[0] : "0";
        String[] f = all.length == 6 ? java.util.Arrays.copyOfRange(all, 1, 6) : all;
        return new ScheduleExpression()
                .second(second)
                .minute(f[0])
                .hour(f[1])
                .dayOfMonth(f[2])
                .month(f[3])
                .dayOfWeek(f[4]);
    }
}
