package dev.signet.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HashCostTest {
    /** A machine where a hash costs 1 ms per MiB-pass. */
    private static long modelled(HashCost cost) {
        return (long) cost.memoryKib() / 1024 * cost.iterations() * 1_000_000L;
    }

    @Test
    void slowMachinesKeepOwaspsFloor() {
        assertEquals(HashCost.OWASP, HashCost.calibrate(Duration.ofMillis(10), HashCostTest::modelled));
    }

    @Test
    void fastMachinesGetMorePassesUpToTheTarget() {
        HashCost cost = HashCost.calibrate(Duration.ofMillis(100), HashCostTest::modelled);
        assertEquals(19 * 1024, cost.memoryKib());
        assertEquals(5, cost.iterations());
        assertTrue(modelled(cost) <= Duration.ofMillis(100).toNanos());
    }

    @Test
    void hashesCarryTheirCostAndKeepVerifyingAfterItChanges() {
        HashCost small = new HashCost(1024, 1, 1);
        String phc = PasswordHash.hash("a passphrase".toCharArray(), small);
        assertTrue(phc.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"));
        assertTrue(PasswordHash.verify("a passphrase".toCharArray(), phc));
        assertFalse(PasswordHash.verify("a passphrasf".toCharArray(), phc));
        assertTrue(PasswordHash.isCurrent(phc, small));
        assertFalse(PasswordHash.isCurrent(phc, HashCost.OWASP));
        assertFalse(PasswordHash.verify("a passphrase".toCharArray(), phc.replace("m=1024", "m=99999999")), "absurd costs are refused");
    }
}
