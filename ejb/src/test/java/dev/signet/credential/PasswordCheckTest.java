package dev.signet.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every failed check costs one Argon2id computation, whatever the account stores, so the time of
 * a failure tells nothing; counted on the real Argon2id (at a small cost, to keep the test fast).
 */
class PasswordCheckTest {
    private static final HashCost CHEAP = new HashCost(1024, 1, 1);
    private static final char[] RIGHT = "imported passphrase 1".toCharArray();
    private static final char[] WRONG = "imported passphrase 2".toCharArray();

    /** The real Argon2id, recording each computation it makes. */
    private static final class Counted implements PasswordCheck.Argon2id {
        final List<String> computations = new ArrayList<>();

        @Override
        public boolean verify(char[] password, String phc) {
            computations.add("verify");
            return PasswordCheck.Argon2id.REAL.verify(password, phc);
        }

        @Override
        public String hash(char[] password, HashCost cost) {
            computations.add("hash");
            return PasswordCheck.Argon2id.REAL.hash(password, cost);
        }

        @Override
        public void spend(char[] password, HashCost cost) {
            computations.add("spend");
            PasswordCheck.Argon2id.REAL.spend(password, cost);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{SSHA}FlT0F7ekmC5Wfdl41tCoYQlgphNzYWx0c2FsdA==",
            "{SSHA512}C9mT78CgWmHfoNuKK5iDqoDj9TANyYu+llL0iHGktN+X0fwHVq2Tjg/1RF8QvB+k4XjTkNJjjvyM7pZKZqRmlXNhbHRzYWx0",
            "{PBKDF2-SHA256}10000$MDEyMzQ1Njc4OWFiY2RlZg$33GZ4pFUKHlmQdR26y.rUEfoj/EbBwaHWzaVfoCBfm4"})
    void aWrongPasswordForAnImportedHashCostsADummyArgon2id(String imported) {
        Counted argon2 = new Counted();
        assertFalse(PasswordCheck.of(WRONG, imported, CHEAP, argon2).matches());
        assertEquals(List.of("spend"), argon2.computations);
    }

    @Test
    void aRightPasswordForAnImportedHashIsRehashedAndThatIsItsArgon2id() {
        Counted argon2 = new Counted();
        PasswordCheck check = PasswordCheck.of(RIGHT, "{SSHA}FlT0F7ekmC5Wfdl41tCoYQlgphNzYWx0c2FsdA==", CHEAP, argon2);
        assertTrue(check.matches());
        assertEquals(List.of("hash"), argon2.computations);
        assertTrue(PasswordHash.verify(RIGHT, check.upgradedHash()));
        assertEquals("imported SSHA to Argon2id", check.upgradeReason());
    }

    @Test
    void noAccountNoPasswordAndAMalformedHashEachCostADummyArgon2id() {
        for (String stored : new String[] {null, "{MD5}X03MO1qnZdYdgyfeuILPmQ==", "$argon2id$v=19$garbage"}) {
            Counted argon2 = new Counted();
            assertFalse(PasswordCheck.of(WRONG, stored, CHEAP, argon2).matches(), String.valueOf(stored));
            // a dummy computation: verifying a malformed hash returns at once, hashing nothing
            assertEquals(List.of("spend"), argon2.computations, String.valueOf(stored));
        }
    }

    @Test
    void anArgon2idHashIsVerifiedOnceAndRehashedOnlyWhenItsCostIsOld() {
        String current = PasswordHash.hash(RIGHT, CHEAP);
        Counted wrong = new Counted();
        assertFalse(PasswordCheck.of(WRONG, current, CHEAP, wrong).matches());
        assertEquals(List.of("verify"), wrong.computations);

        Counted right = new Counted();
        PasswordCheck same = PasswordCheck.of(RIGHT, current, CHEAP, right);
        assertTrue(same.matches());
        assertNull(same.upgradedHash());
        assertEquals(List.of("verify"), right.computations);

        Counted old = new Counted();
        PasswordCheck upgraded = PasswordCheck.of(RIGHT, current, new HashCost(2048, 1, 1), old);
        assertTrue(upgraded.matches());
        assertEquals(List.of("verify", "hash"), old.computations);
        assertTrue(PasswordHash.isCurrent(upgraded.upgradedHash(), new HashCost(2048, 1, 1)));
    }
}
