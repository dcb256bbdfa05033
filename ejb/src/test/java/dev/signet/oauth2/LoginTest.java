package dev.signet.oauth2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LoginTest {
    private static List<String> amrOf(String method) {
        return new Login(UUID.randomUUID(), UUID.randomUUID(), Instant.EPOCH, method).amr();
    }

    @Test
    void eachMechanismHasItsRfc8176References() {
        assertEquals(List.of("pwd"), amrOf("password"));
        assertEquals(List.of("pwd", "otp", "mfa"), amrOf("passwordmfa"));
        assertEquals(List.of("hwk", "user"), amrOf("passkey"));
    }

    @Test
    void aLoginWithoutAKnownMechanismCountsAsAPassword() {
        assertEquals(List.of("pwd"), amrOf(null));
        assertEquals(List.of("pwd"), amrOf("reset_intent"));
        assertEquals(List.of("pwd"), amrOf("something-else"));
    }
}
