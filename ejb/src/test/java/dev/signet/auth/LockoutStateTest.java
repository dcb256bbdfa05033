package dev.signet.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutStateTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration WEEK = Duration.ofDays(7);

    private static LockoutState fail(LockoutState state, Instant now, int times) {
        for (int i = 0; i < times; i++) {
            state = state.failure(now, 5, HOUR, WEEK);
        }
        return state;
    }

    @Test
    void theFifthFailureLocksForAnHourAndTheNextLockIsTwiceAsLong() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        LockoutState four = fail(LockoutState.NONE, t0, 4);
        assertFalse(four.lockedAt(t0));
        LockoutState locked = fail(four, t0, 1);
        assertTrue(locked.lockedAt(t0.plus(Duration.ofMinutes(59))));
        assertFalse(locked.lockedAt(t0.plus(HOUR)));
        assertEquals(locked, fail(locked, t0.plusSeconds(10), 3), "attempts while locked do not count");

        Instant t1 = t0.plus(HOUR);
        LockoutState again = fail(locked, t1, 5);
        assertTrue(again.lockedAt(t1.plus(Duration.ofMinutes(119))));
        assertFalse(again.lockedAt(t1.plus(Duration.ofHours(2))));
    }

    @Test
    void locksNeverExceedTheMaximumAndTheStoredFormRoundTrips() {
        LockoutState state = new LockoutState(4, Instant.EPOCH, 30);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        LockoutState locked = state.failure(now, 5, HOUR, WEEK);
        assertEquals(now.plus(WEEK), locked.lockedUntil());
        assertEquals(locked, LockoutState.parse(locked.format()));
        assertEquals(LockoutState.NONE, LockoutState.parse("garbage"));
    }
    @Test
    void aGivenBackAttemptIsForgottenAndAGivenBackLockIsUndone() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        LockoutState two = fail(LockoutState.NONE, now, 2);
        LockoutState three = fail(two, now, 1);
        assertEquals(two, three.giveBack(two, three));
        // other attempts counted meanwhile stay counted
        assertEquals(fail(two, now, 1), fail(three, now, 1).giveBack(two, three));

        LockoutState four = fail(LockoutState.NONE, now, 4);
        LockoutState locked = fail(four, now, 1);
        assertTrue(locked.lockedAt(now));
        assertEquals(four, locked.giveBack(four, locked), "the attempt that placed the lock proved right");
        assertFalse(four.lockedAt(now));

        LockoutState lockedByAnother = fail(fail(two, now, 1), now, 2);
        assertTrue(lockedByAnother.lockedAt(now));
        assertEquals(lockedByAnother, lockedByAnother.giveBack(two, three), "a lock placed by another attempt stays");
    }
}
