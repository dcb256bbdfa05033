package dev.signet.radius;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RadiusDecisionTest {
    /** Everything right: a person in an allowed group, with a secret, proved. */
    private static final RadiusDecision RIGHT = new RadiusDecision(false, true, true, true, true, true, true, false, true, true);

    private static RadiusDecision with(int index, boolean value) {
        boolean[] f = {RIGHT.softLocked(), RIGHT.accountExists(), RIGHT.person(), RIGHT.hasSecret(), RIGHT.methodServed(),
                RIGHT.credentialPresent(), RIGHT.credentialMatches(), RIGHT.locked(), RIGHT.withinValidity(), RIGHT.inAllowedGroup()};
        f[index] = value;
        return new RadiusDecision(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]);
    }

    @Test
    void aPersonWhoProvesTheSecretInAnAllowedGroupIsAccepted() {
        assertEquals(Optional.empty(), RIGHT.refusal());
    }

    @Test
    void eachBrokenRuleRefusesWithItsOwnReason() {
        assertEquals("too many failed attempts (soft lock)", with(0, true).refusal().orElseThrow());
        assertEquals("no such account", with(1, false).refusal().orElseThrow());
        assertEquals("service accounts have no RADIUS secret", with(2, false).refusal().orElseThrow());
        assertEquals("account has no RADIUS secret", with(3, false).refusal().orElseThrow());
        assertEquals("method not available", with(4, false).refusal().orElseThrow());
        assertEquals("no credential in the request", with(5, false).refusal().orElseThrow());
        assertEquals("wrong RADIUS secret", with(6, false).refusal().orElseThrow());
        assertEquals("account locked", with(7, true).refusal().orElseThrow());
        assertEquals("account expired or not yet valid", with(8, false).refusal().orElseThrow());
        assertEquals("not a member of any of the client's groups", with(9, false).refusal().orElseThrow());
    }

    @Test
    void aLockedOrOutsiderAccountIsNotToldApartFromAWrongSecretByTheOrderOfChecks() {
        // the secret is checked first: a wrong secret for a locked account reads as a wrong secret
        RadiusDecision lockedAndWrong = new RadiusDecision(false, true, true, true, true, true, false, true, true, false);
        assertEquals("wrong RADIUS secret", lockedAndWrong.refusal().orElseThrow());
    }

    @Test
    void refusalsAfterACheckStayCountedAndThoseBeforeOneDoNot() {
        assertTrue(with(6, false).counted(), "a wrong secret counts");
        assertTrue(with(9, false).counted(), "a right secret refused by group still counts (it would confirm a guess otherwise)");
        assertTrue(with(1, false).counted(), "an unknown name counts, as at login");
        assertFalse(with(4, false).counted(), "nothing was checked");
        assertFalse(with(5, false).counted(), "nothing was checked");
        assertFalse(with(0, true).counted(), "a locked name counts nothing more");
    }
}
