package dev.signet.radius.eap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.tls.ProtocolVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wildfly.security.x500.cert.SelfSignedX509CertificateAndSigningKey;
import java.time.Duration;
import org.bouncycastle.tls.CipherSuite;

/** Whole conversations between {@link EapServer} and a Bouncy Castle TLS supplicant, in process. */
public class EapServerTest {
    static X509Certificate[] ecChain;
    static PrivateKey ecKey;
    static X509Certificate[] rsaChain;
    static PrivateKey rsaKey;

    static final InnerAuthenticator SECRETS = name -> Optional.ofNullable(
            Map.of("alice", "ABCDE-FGHIJ-KLMNO-PQRST").get(name)).map(String::toCharArray);

    @BeforeAll
    static void keys() {
        SelfSignedX509CertificateAndSigningKey ec = pair("EC", 256, "SHA256withECDSA");
        ecChain = new X509Certificate[] {ec.getSelfSignedCertificate()};
        ecKey = ec.getSigningKey();
        SelfSignedX509CertificateAndSigningKey rsa = pair("RSA", 2048, "SHA256withRSA");
        rsaChain = new X509Certificate[] {rsa.getSelfSignedCertificate()};
        rsaKey = rsa.getSigningKey();
    }

    public static SelfSignedX509CertificateAndSigningKey pair(String algorithm, int size, String signature) {
        ZonedDateTime now = ZonedDateTime.now();
        return SelfSignedX509CertificateAndSigningKey.builder().setDn(new X500Principal("CN=radius.example"))
                .setKeyAlgorithmName(algorithm).setKeySize(size).setSignatureAlgorithmName(signature)
                .setNotValidBefore(now.minusMinutes(5)).setNotValidAfter(now.plusDays(1)).build();
    }

    /** Runs a conversation, alternating between the given servers each round when there are two. */
    static EapStep converse(EapPeer peer, EapServer... servers) throws Exception {
        byte[] state = null;
        byte[] message = EapPeer.identity(7, "anonymous");
        for (int round = 0; round < 60; round++) {
            EapStep step = servers[round % servers.length].step(state, message, SECRETS);
            if (step.kind() != EapStep.Kind.CHALLENGE) {
                return step;
            }
            assertNotNull(step.state());
            state = step.state();
            message = peer.answer(step.eapMessage());
        }
        throw new AssertionError("no end after 60 rounds");
    }

    static EapServer server() {
        return new EapServer(ecChain, ecKey);
    }

    static void assertAccepted(EapStep step, EapPeer peer, String method) {
        assertEquals(EapStep.Kind.ACCEPT, step.kind(), () -> "rejected: " + step.reason());
        assertEquals("alice", step.innerUsername());
        assertEquals(method, step.method());
        assertEquals(EapPacket.SUCCESS, step.eapMessage()[0]);
        byte[] msk = peer.msk();
        int half = msk.length / 2;
        assertArrayEquals(Arrays.copyOf(msk, half), step.mppeRecvKey(), "MS-MPPE-Recv-Key is the MSK's first half");
        assertArrayEquals(Arrays.copyOfRange(msk, half, 2 * half), step.mppeSendKey(), "MS-MPPE-Send-Key its second");
    }

    @Test
    void peapMsChapV2OverTls12() throws Exception {
        EapPeer peer = new EapPeer(EapPeer.Method.PEAP, "alice", "ABCDE-FGHIJ-KLMNO-PQRST", ProtocolVersion.TLSv12);
        EapStep step = converse(peer, server());
        assertAccepted(step, peer, "PEAP-MSCHAPv2");
        assertEquals(32, step.mppeRecvKey().length);
    }

    @Test
    void peapMsChapV2OverTls13() throws Exception {
        EapPeer peer = new EapPeer(EapPeer.Method.PEAP, "alice", "ABCDE-FGHIJ-KLMNO-PQRST", ProtocolVersion.TLSv13);
        assertAccepted(converse(peer, server()), peer, "PEAP-MSCHAPv2");
    }

    @Test
    void peapWithAnRsaServerKey() throws Exception {
        EapPeer peer = new EapPeer(EapPeer.Method.PEAP, "alice", "ABCDE-FGHIJ-KLMNO-PQRST");
        assertAccepted(converse(peer, new EapServer(rsaChain, rsaKey)), peer, "PEAP-MSCHAPv2");
    }

    @Test
    void ttlsPapAfterANakOverBothTlsVersions() throws Exception {
        for (ProtocolVersion version : new ProtocolVersion[] {ProtocolVersion.TLSv12, ProtocolVersion.TLSv13}) {
            EapPeer peer = new EapPeer(EapPeer.Method.TTLS_PAP, "alice", "ABCDE-FGHIJ-KLMNO-PQRST", version);
            assertAccepted(converse(peer, server()), peer, "TTLS-PAP");
        }
    }

    @Test
    void ttlsMsChapV2OverBothTlsVersions() throws Exception {
        for (ProtocolVersion version : new ProtocolVersion[] {ProtocolVersion.TLSv12, ProtocolVersion.TLSv13}) {
            EapPeer peer = new EapPeer(EapPeer.Method.TTLS_MSCHAPV2, "alice", "ABCDE-FGHIJ-KLMNO-PQRST", version);
            EapStep step = converse(peer, server());
            assertAccepted(step, peer, "TTLS-MSCHAPv2");
            assertTrue(peer.serverSaid.startsWith("S="));
        }
    }

    @Test
    void eapMsChapV2Alone() throws Exception {
        EapPeer peer = new EapPeer(EapPeer.Method.MSCHAPV2, "alice", "ABCDE-FGHIJ-KLMNO-PQRST");
        EapStep step = converse(peer, server());
        assertAccepted(step, peer, "EAP-MSCHAPv2");
        assertEquals(16, step.mppeRecvKey().length);
    }

    @Test
    void aConversationContinuesOnAnotherNodeSharingTheStore() throws Exception {
        LocalConversationStore shared = new LocalConversationStore();
        EapServer first = new EapServer(ecChain, ecKey, shared);
        EapServer second = new EapServer(ecChain, ecKey, shared);
        for (EapPeer.Method method : EapPeer.Method.values()) {
            for (ProtocolVersion version : new ProtocolVersion[] {ProtocolVersion.TLSv12, ProtocolVersion.TLSv13}) {
                EapPeer peer = new EapPeer(method, "alice", "ABCDE-FGHIJ-KLMNO-PQRST", version);
                EapStep step = converse(peer, first, second);
                assertAccepted(step, peer, switch (method) {
                    case PEAP -> "PEAP-MSCHAPv2";
                    case TTLS_PAP -> "TTLS-PAP";
                    case TTLS_MSCHAPV2 -> "TTLS-MSCHAPv2";
                    case MSCHAPV2 -> "EAP-MSCHAPv2";
                });
            }
        }
        assertEquals(0, shared.size(), "finished conversations leave nothing in the store");
    }

    @Test
    void aNodeWithAnOlderRoundOfTheConversationReplaysInsteadOfUsingIt() throws Exception {
        LocalConversationStore shared = new LocalConversationStore();
        EapServer first = new EapServer(ecChain, ecKey, shared);
        EapServer second = new EapServer(ecChain, ecKey, shared);
        EapPeer peer = new EapPeer(EapPeer.Method.PEAP, "alice", "ABCDE-FGHIJ-KLMNO-PQRST", ProtocolVersion.TLSv12);
        // first, first, second, second, first, first, ...: each node resumes from a stale live copy
        EapServer[] order = {first, first, second, second};
        byte[] state = null;
        byte[] message = EapPeer.identity(1, "anonymous");
        EapStep step = null;
        for (int round = 0; round < 60; round++) {
            step = order[round % order.length].step(state, message, SECRETS);
            if (step.kind() != EapStep.Kind.CHALLENGE) {
                break;
            }
            state = step.state();
            message = peer.answer(step.eapMessage());
        }
        assertAccepted(step, peer, "PEAP-MSCHAPv2");
    }

    @Test
    void aNodeWithAnotherCertificateRefusesToResumeRatherThanDiverge() throws Exception {
        LocalConversationStore shared = new LocalConversationStore();
        EapServer first = new EapServer(ecChain, ecKey, shared);
        EapServer other = new EapServer(rsaChain, rsaKey, shared);
        EapPeer peer = new EapPeer(EapPeer.Method.PEAP, "alice", "ABCDE-FGHIJ-KLMNO-PQRST", ProtocolVersion.TLSv12);
        EapStep start = first.step(null, EapPeer.identity(1, "anonymous"), SECRETS);
        EapStep serverHello = first.step(start.state(), peer.answer(start.eapMessage()), SECRETS);
        assertEquals(EapStep.Kind.CHALLENGE, serverHello.kind());
        EapStep resumed = other.step(serverHello.state(), peer.answer(serverHello.eapMessage()), SECRETS);
        assertEquals(EapStep.Kind.REJECT, resumed.kind());
        assertEquals("EAP conversation could not be resumed on this node", resumed.reason());
        assertEquals(0, shared.size(), "the diverged conversation is gone from the store");
    }

    @Test
    void aWrongSecretIsRejectedWithTheNameForTheLockoutCount() throws Exception {
        for (EapPeer.Method method : EapPeer.Method.values()) {
            EapPeer peer = new EapPeer(method, "alice", "wrong-secret");
            EapStep step = converse(peer, server());
            assertEquals(EapStep.Kind.REJECT, step.kind(), method.name());
            assertEquals(EapPacket.FAILURE, step.eapMessage()[0]);
            assertEquals("alice", step.innerUsername());
            assertEquals("wrong secret or no such person", step.reason());
        }
    }

    @Test
    void anUnknownPersonFailsExactlyLikeAWrongSecret() throws Exception {
        EapPeer peer = new EapPeer(EapPeer.Method.PEAP, "mallory", "ABCDE-FGHIJ-KLMNO-PQRST");
        EapStep step = converse(peer, server());
        assertEquals(EapStep.Kind.REJECT, step.kind());
        assertEquals("wrong secret or no such person", step.reason());
    }

    @Test
    void aClientOfferingOnlyCbcSuitesIsRefused() throws Exception {
        EapPeer peer = new EapPeer(EapPeer.Method.PEAP, "alice", "ABCDE-FGHIJ-KLMNO-PQRST", ProtocolVersion.TLSv12);
        peer.offeredSuites = new int[] {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384};
        EapStep step = converse(peer, server());
        assertEquals(EapStep.Kind.REJECT, step.kind());
        assertTrue(step.reason().startsWith("TLS"), step.reason());
    }

    @Test
    void eapStartIsAnsweredWithAnIdentityRequest() {
        EapStep step = server().step(null, new byte[0], SECRETS);
        assertEquals(EapStep.Kind.CHALLENGE, step.kind());
        assertEquals(EapPacket.REQUEST, step.eapMessage()[0]);
        assertEquals(EapPacket.TYPE_IDENTITY, step.eapMessage()[4]);
    }

    @Test
    void anUnknownOrExpiredStateIsRejected() throws Exception {
        AtomicInteger clock = new AtomicInteger();
        LocalConversationStore store = new LocalConversationStore(100, () -> clock.get() * 1000L);
        EapServer server = new EapServer(ecChain, ecKey, store, EapLimits.DEFAULT, () -> clock.get() * 1000L);
        EapStep first = server.step(null, EapPeer.identity(1, "anonymous"), SECRETS);
        EapPeer peer = new EapPeer(EapPeer.Method.PEAP, "alice", "ABCDE-FGHIJ-KLMNO-PQRST");
        byte[] next = peer.answer(first.eapMessage());
        clock.set(61);
        EapStep late = server.step(first.state(), next, SECRETS);
        assertEquals(EapStep.Kind.REJECT, late.kind());
        assertEquals("unknown or expired EAP conversation", late.reason());
        assertEquals(EapStep.Kind.REJECT, server.step(new byte[16], next, SECRETS).kind());
    }

    @Test
    void newConversationsBeyondTheBoundAreRefused() {
        EapLimits two = new EapLimits(4096, 16384, 1024, 40, 65536, 2, Duration.ofSeconds(60));
        EapServer server = new EapServer(ecChain, ecKey, new LocalConversationStore(), two, System::currentTimeMillis);
        assertEquals(EapStep.Kind.CHALLENGE, server.step(null, EapPeer.identity(1, "a"), SECRETS).kind());
        assertEquals(EapStep.Kind.CHALLENGE, server.step(null, EapPeer.identity(1, "b"), SECRETS).kind());
        EapStep third = server.step(null, EapPeer.identity(1, "c"), SECRETS);
        assertEquals(EapStep.Kind.REJECT, third.kind());
        assertEquals("too many open EAP conversations", third.reason());
    }

    @Test
    void aRetransmittedResponseGetsTheSameRequestAgain() throws Exception {
        EapServer server = server();
        EapStep first = server.step(null, EapPeer.identity(1, "anonymous"), SECRETS);
        EapPeer peer = new EapPeer(EapPeer.Method.PEAP, "alice", "ABCDE-FGHIJ-KLMNO-PQRST");
        byte[] clientHello = peer.answer(first.eapMessage());
        EapStep second = server.step(first.state(), clientHello, SECRETS);
        assertEquals(EapStep.Kind.CHALLENGE, second.kind());
        // the same response again (its identifier is now stale): the outstanding request again, nothing advanced
        EapStep again = server.step(first.state(), clientHello, SECRETS);
        assertArrayEquals(second.eapMessage(), again.eapMessage());
    }
}
