package dev.signet.credential;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RadiusSecretFormatTest {
    @Test
    void aSecretIsFourGroupsOfFiveReadableCharactersOfAbout112Bits() {
        String secret = RadiusSecretFormat.generate();
        assertTrue(secret.matches("[2-9a-km-zA-HJ-NP-Z]{5}(-[2-9a-km-zA-HJ-NP-Z]{5}){3}"), secret);
        assertFalse(secret.matches(".*[01oOlIi].*"), "no characters that read alike");
        assertTrue(RadiusSecretFormat.bits() >= 112, "bits: " + RadiusSecretFormat.bits());
        assertNotEquals(secret, RadiusSecretFormat.generate());
    }

    @Test
    void aPasswordContainingTheSecretIsFoundWhateverItsCaseAndDashes() {
        String secret = "k7Qm2-xR9ta-Hp4eW-3nZbc";
        assertTrue(RadiusSecretFormat.containedIn("my k7qm2xr9tahp4ew3nzbc!".toCharArray(), secret));
        assertTrue(RadiusSecretFormat.containedIn("K7QM2-XR9TA-HP4EW-3NZBC".toCharArray(), secret));
        assertFalse(RadiusSecretFormat.containedIn("k7Qm2-xR9ta-Hp4eW plus more".toCharArray(), secret));
    }
}
