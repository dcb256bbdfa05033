package dev.signet.radius.eap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.bouncycastle.tls.ProtocolVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import java.util.NoSuchElementException;

/**
 * 10,000 random and mutated EAP messages: {@link EapServer#step} never throws, answers only
 * CHALLENGE or REJECT (never ACCEPT), and a real conversation still succeeds afterwards.
 */
class EapFuzzTest {
    /** One round of a real conversation: the State sent with it, the peer's message, the store's record before it. */
    record Round(byte[] state, byte[] message, byte[] recordBefore, boolean last) {
    }

    static final List<Round> ROUNDS = new ArrayList<>();

    @BeforeAll
    static void recordRealConversations() throws Exception {
        EapServerTest.keys();
        for (EapPeer.Method method : EapPeer.Method.values()) {
            LocalConversationStore store = new LocalConversationStore();
            EapServer server = new EapServer(EapServerTest.ecChain, EapServerTest.ecKey, store);
            EapPeer peer = new EapPeer(method, "alice", "ABCDE-FGHIJ-KLMNO-PQRST", ProtocolVersion.TLSv12);
            byte[] state = null;
            byte[] message = EapPeer.identity(3, "anonymous");
            for (int round = 0; round < 60; round++) {
                byte[] before = state == null ? null : store.get(HexFormat.of().formatHex(state)).orElseThrow();
                EapStep step = server.step(state, message, EapServerTest.SECRETS);
                ROUNDS.add(new Round(state, message, before, step.kind() != EapStep.Kind.CHALLENGE));
                if (step.kind() != EapStep.Kind.CHALLENGE) {
                    assertEquals(EapStep.Kind.ACCEPT, step.kind());
                    break;
                }
                state = step.state();
                message = peer.answer(step.eapMessage());
            }
        }
    }

    @Test
    void tenThousandRandomAndMutatedMessagesNeverThrowNorAccept() throws Exception {
        Random random = new Random(20261204L);
        LocalConversationStore store = new LocalConversationStore();
        EapServer server = new EapServer(EapServerTest.ecChain, EapServerTest.ecKey, store);
        int challenges = 0;
        for (int i = 0; i < 10_000; i++) {
            EapStep step;
            boolean mayAccept = false;
            if (i % 3 == 0) {
                byte[] junk = new byte[random.nextInt(i % 2 == 0 ? 8 : 600)];
                random.nextBytes(junk);
                if (junk.length >= 4 && random.nextBoolean()) {
                    // a plausible header: a Response whose Length is right, so parsing goes deeper
                    junk[0] = 2;
                    junk[2] = (byte) (junk.length >>> 8);
                    junk[3] = (byte) junk.length;
                }
                byte[] state = random.nextInt(4) == 0 ? null : new byte[random.nextBoolean() ? 16 : random.nextInt(40)];
                step = server.step(state, junk, EapServerTest.SECRETS);
            } else {
                Round round = ROUNDS.get(random.nextInt(ROUNDS.size()));
                if (round.state() != null) {
                    store.put(HexFormat.of().formatHex(round.state()), round.recordBefore(), Duration.ofSeconds(60));
                }
                // a conversation's last message is mostly a bare acknowledgement after the proof: with reserved flag
                // bits flipped it still acknowledges, so only there may an answer be an ACCEPT
                mayAccept = round.last();
                step = server.step(round.state(), mutate(round.message(), random), EapServerTest.SECRETS);
            }
            assertNotNull(step);
            assertNotNull(step.eapMessage());
            assertTrue(step.reason() == null || !step.reason().startsWith("internal error"),
                    () -> "the conversation code threw on a mutated message: " + step.reason());
            assertTrue(mayAccept || step.kind() != EapStep.Kind.ACCEPT, () -> "a mutated message was accepted: " + step);
            if (step.kind() == EapStep.Kind.CHALLENGE) {
                challenges++;
            }
        }
        assertTrue(challenges > 0, "some mutations left a conversation going (so the fuzz reached past the first check)");
        EapPeer peer = new EapPeer(EapPeer.Method.PEAP, "alice", "ABCDE-FGHIJ-KLMNO-PQRST");
        assertEquals(EapStep.Kind.ACCEPT, EapServerTest.converse(peer, server).kind(), "the server still works");
    }

    @Test
    void mutatedMessagesInsideTheTunnelEndInRejectNeverInAnError() throws Exception {
        Random random = new Random(42);
        EapServer server = new EapServer(EapServerTest.ecChain, EapServerTest.ecKey);
        int rejected = 0;
        for (int i = 0; i < 600; i++) {
            EapPeer.Method method = List.of(EapPeer.Method.PEAP, EapPeer.Method.TTLS_PAP, EapPeer.Method.TTLS_MSCHAPV2).get(i % 3);
            EapPeer peer = new EapPeer(method, "alice", "ABCDE-FGHIJ-KLMNO-PQRST", ProtocolVersion.TLSv13);
            int victim = random.nextInt(method == EapPeer.Method.PEAP ? 4 : 1);
            int[] seen = {0};
            peer.tamper = plain -> seen[0]++ == victim && plain.length > 0 ? mutate(plain, random) : plain;
            EapStep step;
            try {
                step = EapServerTest.converse(peer, server);
            } catch (IllegalStateException | NoSuchElementException | ArrayIndexOutOfBoundsException peerGaveUp) {
                continue; // our test supplicant could not make sense of the server's (correct) refusal
            }
            assertTrue(step.reason() == null || !step.reason().startsWith("internal error"), step::reason);
            if (step.kind() == EapStep.Kind.REJECT) {
                rejected++;
            }
        }
        assertTrue(rejected > 300, "most mutations inside the tunnel are refused: " + rejected);
    }

    static byte[] mutate(byte[] message, Random random) {
        byte[] out = message.clone();
        switch (random.nextInt(6)) {
            case 0 -> {
                for (int n = 1 + random.nextInt(3); n > 0 && out.length > 0; n--) {
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> out = Arrays.copyOf(out, random.nextInt(out.length + 1));
            case 2 -> {
                out = Arrays.copyOf(out, out.length + 1 + random.nextInt(64));
                out[2] = (byte) (out.length >>> 8);
                out[3] = (byte) out.length;
            }
            case 3 -> {
                if (out.length > 5) {
                    // keep the header right, scramble the method data
                    for (int at = 5 + random.nextInt(out.length - 5); at < out.length; at += 1 + random.nextInt(8)) {
                        out[at] = (byte) random.nextInt(256);
                    }
                }
            }
            case 4 -> {
                if (out.length > 5) {
                    out[5] = (byte) random.nextInt(256); // flags: L/M/S and version
                }
            }
            default -> {
                if (out.length > 1) {
                    out[1] = (byte) random.nextInt(256); // identifier
                }
            }
        }
        return out;
    }
}
