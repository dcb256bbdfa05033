package dev.signet.batch.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ejb.ScheduleExpression;
import org.junit.jupiter.api.Test;

class SyncScheduleTest {

    @Test
    void cronFieldsMapOntoTimerFields() {
        ScheduleExpression e = new SyncSchedule("*/15 8-18 * * 1-5").toScheduleExpression();
        assertEquals("0", e.getSecond());
        assertEquals("*/15", e.getMinute());
        assertEquals("8-18", e.getHour());
        assertEquals("*", e.getDayOfMonth());
        assertEquals("*", e.getMonth());
        assertEquals("1-5", e.getDayOfWeek());
    }

    @Test
    void sixFieldsPutSecondsFirst() {
        ScheduleExpression e = new SyncSchedule("*/3 * * * * *").toScheduleExpression();
        assertEquals("*/3", e.getSecond());
        assertEquals("*", e.getMinute());
        assertEquals("*", e.getDayOfWeek());
    }

    @Test
    void shorthandsExpand() {
        ScheduleExpression daily = new SyncSchedule("@DAILY").toScheduleExpression();
        assertEquals("0", daily.getMinute());
        assertEquals("0", daily.getHour());
        assertEquals("*", daily.getDayOfWeek());
        assertEquals("0", new SyncSchedule("@weekly").toScheduleExpression().getDayOfWeek());
    }

    @Test
    void listsAndStepsAreAccepted() {
        assertEquals("0,30", new SyncSchedule("0,30 * * * *").toScheduleExpression().getMinute());
        assertEquals("0-30/5", new SyncSchedule("0-30/5 * * * *").toScheduleExpression().getMinute());
    }

    @Test
    void malformedSchedulesAreRejectedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> new SyncSchedule(""));
        assertThrows(IllegalArgumentException.class, () -> new SyncSchedule("* * * *"));
        assertThrows(IllegalArgumentException.class, () -> new SyncSchedule("* * * * * * *"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SyncSchedule("5 ; * * *"));
        assertEquals("schedule field ';' is not a number, list, range, step or *", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SyncSchedule("@reboot"));
    }
}
