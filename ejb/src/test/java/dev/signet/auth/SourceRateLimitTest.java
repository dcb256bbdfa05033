package dev.signet.auth;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.auth.SourceRateLimit.Attempt;
import dev.signet.fault.TooManyRequests;
import org.junit.jupiter.api.Test;

class SourceRateLimitTest {
    @Test
    void eachAttemptHasItsOwnAllowancePerSource() {
        SourceRateLimit limit = new SourceRateLimit();
        for (int i = 0; i < 10; i++) {
            limit.acquire(Attempt.DEVICE_USER_CODE, "192.0.2.1");
        }
        TooManyRequests refused = assertThrows(TooManyRequests.class, () -> limit.acquire(Attempt.DEVICE_USER_CODE, "192.0.2.1"));
        assertTrue(refused.getMessage().startsWith("too many wrong device codes from 192.0.2.1"), refused.getMessage());
        assertTrue(refused.retryAfter().toSeconds() >= 5, "one more a minute / 10: about six seconds");
        limit.acquire("192.0.2.1");
        limit.acquire(Attempt.DEVICE_USER_CODE, "192.0.2.2");
    }

    @Test
    void anAttemptGivenBackIsNotCounted() {
        SourceRateLimit limit = new SourceRateLimit();
        for (int i = 0; i < 25; i++) {
            limit.acquire(Attempt.DEVICE_USER_CODE, "192.0.2.3");
            limit.giveBack(Attempt.DEVICE_USER_CODE, "192.0.2.3");
        }
        for (int i = 0; i < 10; i++) {
            limit.acquire(Attempt.DEVICE_USER_CODE, "192.0.2.3");
        }
        assertThrows(TooManyRequests.class, () -> limit.acquire(Attempt.DEVICE_USER_CODE, "192.0.2.3"));
    }
}
