package dev.signet.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.fault.InvalidInput;
import jakarta.ejb.ScheduleExpression;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    private static InvalidInput refused(String schedule) {
        InvalidInput e = assertThrows(InvalidInput.class, () -> CronSchedule.parse(schedule), schedule);
        assertEquals("schedule", e.field());
        return e;
    }

    @Test
    void cronFieldsMapOntoTimerFields() {
        ScheduleExpression e = CronSchedule.parse("*/15 8-18 * * 1-5").toScheduleExpression();
        assertEquals("0", e.getSecond());
        assertEquals("0,15,30,45", e.getMinute());
        assertEquals("8,9,10,11,12,13,14,15,16,17,18", e.getHour());
        assertEquals("*", e.getDayOfMonth());
        assertEquals("*", e.getMonth());
        assertEquals("1,2,3,4,5", e.getDayOfWeek());
    }

    @Test
    void sixFieldsPutSecondsFirst() {
        ScheduleExpression e = CronSchedule.parse("*/20 * * * * *").toScheduleExpression();
        assertEquals("0,20,40", e.getSecond());
        assertEquals("*", e.getMinute());
        assertEquals("*", e.getDayOfWeek());
    }

    @Test
    void shorthandsExpand() {
        ScheduleExpression daily = CronSchedule.parse("@DAILY").toScheduleExpression();
        assertEquals("0", daily.getMinute());
        assertEquals("0", daily.getHour());
        assertEquals("*", daily.getDayOfWeek());
        assertEquals("0", CronSchedule.parse("@weekly").toScheduleExpression().getDayOfWeek());
    }

    @Test
    void listsRangesAndStepsAreAccepted() {
        assertEquals("0,30", CronSchedule.parse("0,30 * * * *").toScheduleExpression().getMinute());
        assertEquals("0,5,10,15,20,25,30", CronSchedule.parse("0-30/5 * * * *").toScheduleExpression().getMinute());
        assertEquals("50,55", CronSchedule.parse("50/5 * * * *").toScheduleExpression().getMinute());
        assertEquals("1,2,10", CronSchedule.parse("1-2,10 * * * *").toScheduleExpression().getMinute());
    }

    @Test
    void monthAndWeekdayNamesAreAcceptedAsInCron() {
        ScheduleExpression e = CronSchedule.parse("0 6 * JAN,Jul MON-FRI").toScheduleExpression();
        assertEquals("1,7", e.getMonth());
        assertEquals("1,2,3,4,5", e.getDayOfWeek());
        assertEquals("0", CronSchedule.parse("0 0 * * sun").toScheduleExpression().getDayOfWeek());
    }

    @Test
    void sundayIsSevenAsWellAsZero() {
        assertEquals("0", CronSchedule.parse("0 0 * * 7").toScheduleExpression().getDayOfWeek());
        assertEquals("0,5,6", CronSchedule.parse("0 0 * * 5-7").toScheduleExpression().getDayOfWeek());
    }

    @Test
    void outOfRangeValuesAreRefusedNamingTheField() {
        assertEquals("minute: 61 is out of range 0-59", refused("61 * * * *").getMessage());
        assertEquals("hour: 25 is out of range 0-23", refused("* 25 * * *").getMessage());
        assertEquals("day-of-month: 32 is out of range 1-31", refused("* * 32 * *").getMessage());
        assertEquals("day-of-month: 0 is out of range 1-31", refused("* * 0 * *").getMessage());
        assertEquals("month: 13 is out of range 1-12", refused("* * * 13 *").getMessage());
        assertEquals("day-of-week: 8 is out of range 0-7", refused("* * * * 8").getMessage());
        assertEquals("second: 60 is out of range 0-59", refused("60 * * * * *").getMessage());
        assertEquals("minute: '0-99999' is not a number, list, range, step or *", refused("0-99999 * * * *").getMessage());
    }

    @Test
    void zeroStepsAndBackwardRangesAreRefused() {
        assertEquals("minute: step in '*/0' must be at least 1", refused("*/0 * * * *").getMessage());
        assertEquals("minute: range '1-0' ends before it starts", refused("1-0 * * * *").getMessage());
        assertEquals("day-of-week: range 'fri-mon' ends before it starts", refused("0 0 * * fri-mon").getMessage());
    }

    @Test
    void aScheduleThatNeverFiresIsRefused() {
        assertEquals("schedule never fires: no month it names has day 31", refused("0 0 31 2 *").getMessage());
        refused("0 0 30,31 feb *");
        refused("0 0 31 4,6,9,11 *");
        // February 29 comes in leap years; the 31st comes in other months; a weekday always comes
        CronSchedule.parse("0 0 29 2 *");
        CronSchedule.parse("0 0 31 2,3 *");
        CronSchedule.parse("0 0 31 2 mon");
    }

    @Test
    void malformedSchedulesAreRejectedWithTheReason() {
        refused("");
        refused(null);
        refused("* * * *");
        refused("* * * * * * *");
        assertEquals("minute: ';' is not a number, list, range, step or *", refused("; * * * *").getMessage());
        assertEquals("month: 'foo' is not a number, name, list, range, step or *", refused("0 0 * foo *").getMessage());
        refused("1,,2 * * * *");
        refused("@reboot");
        refused("0 " + "1,".repeat(300) + "1 * * *");
    }
}
