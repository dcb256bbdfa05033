package dev.signet.radius;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class ChapTest {
    @Test
    void theResponseIsMd5OfIdentifierSecretAndChallenge() throws Exception {
        byte[] challenge = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update((byte) 42);
        md5.update("k7Qm2-xR9ta-Hp4eW-3nZbc".getBytes(StandardCharsets.UTF_8));
        md5.update(challenge);
        byte[] response = md5.digest();
        assertTrue(Chap.verify(42, response, challenge, "k7Qm2-xR9ta-Hp4eW-3nZbc"));
        assertFalse(Chap.verify(43, response, challenge, "k7Qm2-xR9ta-Hp4eW-3nZbc"), "another identifier");
        assertFalse(Chap.verify(42, response, challenge, "k7Qm2-xR9ta-Hp4eW-3nZbd"), "another secret");
    }

    @Test
    void papComparesTheWholeSecret() {
        assertTrue(Chap.papMatches("abc-def".toCharArray(), "abc-def"));
        assertFalse(Chap.papMatches("abc-de".toCharArray(), "abc-def"));
        assertFalse(Chap.papMatches("abc-deg".toCharArray(), "abc-def"));
    }
}
