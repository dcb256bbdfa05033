package dev.signet.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.fault.AccessDenied;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessControlTest {
    private static final UUID PERSON = UUID.randomUUID();

    @Test
    void aResetIntentSessionIsToldItMayOnlyChangeCredentials() {
        Caller reset = new Caller(PERSON, "jsmith", Set.of(), false, true);
        assertEquals("this session may only change credentials",
                assertThrows(AccessDenied.class, () -> AccessControl.requireReadWrite(reset)).getMessage());
        AccessControl.requireOwnCredentialChange(reset);
    }

    @Test
    void aReadOnlySessionIsToldToReauthenticate() {
        Caller readOnly = new Caller(PERSON, "jsmith", Set.of(), false, false);
        assertEquals("this session is read-only: reauthenticate (POST /v1/reauth) to make changes",
                assertThrows(AccessDenied.class, () -> AccessControl.requireReadWrite(readOnly)).getMessage());
        AccessControl.requireReadWrite(new Caller(PERSON, "jsmith", Set.of(), true, false));
    }
}
