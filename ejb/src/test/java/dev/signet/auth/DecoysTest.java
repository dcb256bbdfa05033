package dev.signet.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DecoysTest {
    private static final Decoys DECOYS = new Decoys("a key of the installation".getBytes());

    @Test
    void aNameIsAnsweredTheSameEveryTimeWhateverItsCaseOrSpaces() {
        for (int i = 0; i < 50; i++) {
            assertEquals(DECOYS.of("ghost" + i, 50, 25), DECOYS.of("  GHOST" + i + " ", 50, 25));
        }
    }

    @Test
    void theSharesOfAuthenticatorsAndPasskeysAreAsConfigured() {
        List<Decoys.Decoy> decoys = IntStream.range(0, 4000).mapToObj(i -> DECOYS.of("name" + i, 30, 10)).toList();
        long totp = decoys.stream().filter(Decoys.Decoy::totp).count();
        long passkey = decoys.stream().filter(Decoys.Decoy::passkey).count();
        assertTrue(totp > 1100 && totp < 1300, "30% of 4000: " + totp);
        assertTrue(passkey > 320 && passkey < 480, "10% of 4000: " + passkey);
        assertTrue(IntStream.range(0, 1000).noneMatch(i -> DECOYS.of("n" + i, 0, 0).totp() || DECOYS.of("n" + i, 0, 0).passkey()));
        assertTrue(IntStream.range(0, 1000).allMatch(i -> DECOYS.of("n" + i, 100, 100).totp() && DECOYS.of("n" + i, 100, 100).passkey()));
    }

    @Test
    void aDecoyPasskeyNamesOneStableCredentialIdLikeARealOne() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            List<String> named = DECOYS.of("pk" + i, 0, 100).credentialIds();
            assertEquals(1, named.size());
            assertEquals(43, named.get(0).length(), "32 bytes, base64url");
            assertEquals(named, DECOYS.of("pk" + i, 0, 100).credentialIds());
            ids.add(named.get(0));
        }
        assertEquals(20, ids.stream().distinct().count());
        assertEquals(List.of(), DECOYS.of("pk0", 0, 0).credentialIds(), "no passkey, no credential id");
    }

    @Test
    void anotherInstallationAnswersOtherwise() {
        Decoys other = new Decoys("another installation's key".getBytes());
        List<Decoys.Decoy> here = IntStream.range(0, 64).mapToObj(i -> DECOYS.of("x" + i, 50, 50)).toList();
        List<Decoys.Decoy> there = IntStream.range(0, 64).mapToObj(i -> other.of("x" + i, 50, 50)).toList();
        assertNotEquals(here, there);
    }
}
