package dev.signet.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    @Test
    void allowsTheBurstThenRefillsAtTheRate() {
        long t0 = 1_000_000_000L;
        TokenBucket bucket = new TokenBucket(3, 60, t0);
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, bucket.take(t0));
        }
        Duration wait = bucket.take(t0);
        assertEquals(Duration.ofSeconds(1), wait, "one per second at 60 a minute");
        assertEquals(Duration.ZERO, bucket.take(t0 + Duration.ofSeconds(1).toNanos()));
        assertFalse(bucket.full(t0 + Duration.ofSeconds(2).toNanos()));
        assertTrue(bucket.full(t0 + Duration.ofSeconds(4).toNanos()));
    }

    @Test
    void aTokenGivenBackMayBeTakenAgainButNeverRaisesTheBurst() {
        long t0 = 1_000_000_000L;
        TokenBucket bucket = new TokenBucket(2, 60, t0);
        assertEquals(Duration.ZERO, bucket.take(t0));
        assertEquals(Duration.ZERO, bucket.take(t0));
        bucket.giveBack(t0);
        assertEquals(Duration.ZERO, bucket.take(t0), "the returned token");
        assertFalse(bucket.take(t0).isZero(), "and no more");
        bucket.giveBack(t0);
        bucket.giveBack(t0);
        bucket.giveBack(t0);
        assertTrue(bucket.full(t0));
        assertEquals(Duration.ZERO, bucket.take(t0));
        assertEquals(Duration.ZERO, bucket.take(t0));
        assertFalse(bucket.take(t0).isZero(), "giving back more than was taken adds nothing beyond the capacity");
    }
}
