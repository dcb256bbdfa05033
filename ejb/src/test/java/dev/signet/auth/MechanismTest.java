package dev.signet.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MechanismTest {
    @Test
    void thePublishedNamesAreUnchanged() {
        // POST /v1/auth offers these, user sessions store them, OIDC reports them as acr
        assertEquals("password", Mechanism.PASSWORD.wire());
        assertEquals("passwordmfa", Mechanism.PASSWORD_MFA.wire());
        assertEquals("passkey", Mechanism.PASSKEY.wire());
        assertEquals("reset_intent", Mechanism.RESET_INTENT.wire());
    }

    @Test
    void aNameIsReadBackAsItsMechanismAndAnUnknownOneAsNone() {
        for (Mechanism mechanism : Mechanism.values()) {
            assertEquals(Optional.of(mechanism), Mechanism.of(mechanism.wire()));
        }
        assertTrue(Mechanism.of("PASSWORD").isEmpty(), "names are exact");
        assertTrue(Mechanism.of(null).isEmpty());
    }
}
