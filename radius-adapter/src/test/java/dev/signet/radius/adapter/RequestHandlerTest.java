package dev.signet.radius.adapter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.adapter.radius.RadiusAccessRequest;
import dev.signet.adapter.radius.RadiusAccounting;
import dev.signet.adapter.radius.RadiusAnswer;
import dev.signet.adapter.radius.RadiusClientKey;
import dev.signet.adapter.radius.RadiusCredential;
import dev.signet.adapter.radius.RadiusEvent;
import dev.signet.adapter.radius.RadiusRequestListener;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.aaa4j.radius.core.attribute.Attribute;
import org.aaa4j.radius.core.attribute.RawAttribute;
import org.aaa4j.radius.core.attribute.StringData;
import org.aaa4j.radius.core.attribute.TextData;
import org.aaa4j.radius.core.attribute.attributes.MessageAuthenticator;
import org.aaa4j.radius.core.attribute.attributes.UserName;
import org.aaa4j.radius.core.attribute.attributes.UserPassword;
import org.aaa4j.radius.core.dictionary.dictionaries.StandardDictionary;
import org.aaa4j.radius.core.packet.Packet;
import org.aaa4j.radius.core.packet.PacketCodec;
import org.junit.jupiter.api.Test;

class RequestHandlerTest {
    private static final byte[] SECRET = "a-shared-secret-of-32-characters".getBytes(StandardCharsets.US_ASCII);
    private static final InetSocketAddress NAS = new InetSocketAddress("127.0.0.1", 40000);

    /** The core as a test plays it: one client at 127.0.0.1, which accepts jsmith/right. */
    private static final class FakeCore implements RadiusRequestListener {
        final AtomicInteger decisions = new AtomicInteger();
        final List<RadiusAccounting> accounting = new ArrayList<>();
        boolean requireMessageAuthenticator = true;

        @Override
        public Optional<RadiusClientKey> client(String sourceAddress) {
            return sourceAddress.equals("127.0.0.1") ? Optional.of(new RadiusClientKey("wifi", SECRET, requireMessageAuthenticator)) : Optional.empty();
        }

        @Override
        public RadiusAnswer accessRequest(RadiusAccessRequest request) {
            decisions.incrementAndGet();
            boolean right = request.credential() instanceof RadiusCredential.Pap pap && new String(pap.password()).equals("right")
                    && request.userName().equals("jsmith");
            return right ? new RadiusAnswer(true, List.of(new RadiusAnswer.ReplyAttribute(1, "jsmith"))) : RadiusAnswer.reject();
        }

        @Override
        public void accounting(RadiusAccounting record) {
            accounting.add(record);
        }

        @Override
        public void observed(Map<RadiusEvent, Long> counts) {
        }
    }

    private final FakeCore core = new FakeCore();
    private final EventCounts events = new EventCounts();
    private final RequestHandler handler = new RequestHandler(new CoreEndpoint() {
        @Override
        public <T> T call(Function<RadiusRequestListener, T> operation) {
            return operation.apply(core);
        }
    }, events, new DuplicateCache(10_000, 1000));

    private static byte[] request(int code, List<Attribute<?>> attributes, byte[] secret) throws Exception {
        byte[] authenticator = new byte[16];
        new Random().nextBytes(authenticator);
        return new PacketCodec(new StandardDictionary()).encodeRequest(new Packet(code, attributes), secret, authenticator);
    }

    private static byte[] pap(String user, String password, boolean messageAuthenticator, byte[] secret) throws Exception {
        List<Attribute<?>> attributes = new ArrayList<>();
        if (messageAuthenticator) {
            attributes.add(new MessageAuthenticator());
        }
        attributes.add(new UserName(new TextData(user)));
        attributes.add(new UserPassword(new StringData(password.getBytes(StandardCharsets.UTF_8))));
        return request(RadiusPacket.ACCESS_REQUEST, attributes, secret);
    }

    private Optional<byte[]> send(byte[] packet) {
        return handler.handle(packet, packet.length, NAS, RequestHandler.Port.AUTHENTICATION);
    }

    @Test
    void aRightPapRequestIsAcceptedWithMessageAuthenticatorFirst() throws Exception {
        byte[] request = pap("jsmith", "right", true, SECRET);
        byte[] reply = send(request).orElseThrow();
        assertEquals(RadiusPacket.ACCESS_ACCEPT, reply[0] & 0xff);
        assertEquals(request[1], reply[1], "the answer names the request's identifier");
        assertEquals(RawAttributes.MESSAGE_AUTHENTICATOR, reply[20] & 0xff, "Message-Authenticator is the first attribute");
        assertEquals(18, reply[21] & 0xff);
        // RFC 3579 3.2: the HMAC is over the answer with the request authenticator in its place
        byte[] work = reply.clone();
        System.arraycopy(request, 4, work, 4, 16);
        Arrays.fill(work, 22, 38, (byte) 0);
        assertArrayEquals(RadiusPacket.hmacMd5(SECRET, work), Arrays.copyOfRange(reply, 22, 38));
        // RFC 2865 3: the response authenticator
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        byte[] withRequestAuthenticator = reply.clone();
        System.arraycopy(request, 4, withRequestAuthenticator, 4, 16);
        md5.update(withRequestAuthenticator);
        md5.update(SECRET);
        assertArrayEquals(md5.digest(), Arrays.copyOfRange(reply, 4, 20));
    }

    @Test
    void aRejectCarriesMessageAuthenticatorFirstToo() throws Exception {
        byte[] reply = send(pap("jsmith", "wrong", true, SECRET)).orElseThrow();
        assertEquals(RadiusPacket.ACCESS_REJECT, reply[0] & 0xff);
        assertEquals(RawAttributes.MESSAGE_AUTHENTICATOR, reply[20] & 0xff);
        assertEquals(38, reply.length, "nothing but the Message-Authenticator");
    }

    @Test
    void anAccessRequestWithoutMessageAuthenticatorIsDroppedUnanswered() throws Exception {
        assertTrue(send(pap("jsmith", "right", false, SECRET)).isEmpty());
        assertEquals(0, core.decisions.get(), "not even decided");
        assertEquals(Map.of(RadiusEvent.DROP_NO_MESSAGE_AUTHENTICATOR, 1L), events.drain());
    }

    @Test
    void anExemptClientMaySendNoMessageAuthenticatorButThenNoProxyState() throws Exception {
        core.requireMessageAuthenticator = false;
        assertEquals(RadiusPacket.ACCESS_ACCEPT, send(pap("jsmith", "right", false, SECRET)).orElseThrow()[0] & 0xff);
        byte[] withProxyState = request(RadiusPacket.ACCESS_REQUEST, List.of(new UserName(new TextData("jsmith")),
                new UserPassword(new StringData("right".getBytes())), new RawAttribute(RawAttributes.PROXY_STATE, new byte[] {1, 2, 3})), SECRET);
        assertTrue(send(withProxyState).isEmpty(), "limit_proxy_state");
        assertEquals(Map.of(RadiusEvent.DROP_PROXY_STATE, 1L), events.drain());
    }

    @Test
    void aWrongSharedSecretIsDroppedAsABadAuthenticator() throws Exception {
        assertTrue(send(pap("jsmith", "right", true, "another-secret".getBytes())).isEmpty());
        assertEquals(Map.of(RadiusEvent.DROP_BAD_AUTHENTICATOR, 1L), events.drain());
    }

    @Test
    void anUnknownSourceIsDropped() throws Exception {
        byte[] request = pap("jsmith", "right", true, SECRET);
        assertTrue(handler.handle(request, request.length, new InetSocketAddress("127.0.0.2", 40000), RequestHandler.Port.AUTHENTICATION).isEmpty());
        assertEquals(Map.of(RadiusEvent.DROP_UNKNOWN_CLIENT, 1L), events.drain());
    }

    @Test
    void aRetransmissionGetsTheSameAnswerWithoutASecondDecision() throws Exception {
        byte[] request = pap("jsmith", "wrong", true, SECRET);
        byte[] first = send(request).orElseThrow();
        byte[] again = send(request).orElseThrow();
        assertArrayEquals(first, again);
        assertEquals(1, core.decisions.get());
        assertEquals(Map.of(RadiusEvent.DUPLICATE_ANSWERED, 1L), events.drain());
    }

    @Test
    void proxyStateIsCopiedIntoTheAnswer() throws Exception {
        byte[] request = request(RadiusPacket.ACCESS_REQUEST, List.of(new MessageAuthenticator(), new UserName(new TextData("jsmith")),
                new UserPassword(new StringData("right".getBytes())), new RawAttribute(RawAttributes.PROXY_STATE, new byte[] {9, 8, 7})), SECRET);
        byte[] reply = send(request).orElseThrow();
        RawAttributes attributes = RawAttributes.of(reply, reply.length).orElseThrow();
        assertArrayEquals(new byte[] {9, 8, 7}, attributes.first(RawAttributes.PROXY_STATE).orElseThrow());
    }

    @Test
    void statusServerIsAnsweredWithAnAcceptOnTheAuthenticationPort() throws Exception {
        byte[] request = request(RadiusPacket.STATUS_SERVER, List.of(new MessageAuthenticator()), SECRET);
        byte[] reply = send(request).orElseThrow();
        assertEquals(RadiusPacket.ACCESS_ACCEPT, reply[0] & 0xff);
        assertEquals(RawAttributes.MESSAGE_AUTHENTICATOR, reply[20] & 0xff);
        assertEquals(0, core.decisions.get());
        byte[] withoutAuthenticator = request(RadiusPacket.STATUS_SERVER, List.of(), SECRET);
        assertTrue(send(withoutAuthenticator).isEmpty(), "RFC 5997: Status-Server without Message-Authenticator is discarded");
    }

    @Test
    void anAccountingRequestIsRecordedAndAnswered() throws Exception {
        byte[] request = request(RadiusPacket.ACCOUNTING_REQUEST, List.of(new UserName(new TextData("jsmith")),
                new RawAttribute(RawAttributes.ACCT_STATUS_TYPE, new byte[] {0, 0, 0, 1}),
                new RawAttribute(RawAttributes.ACCT_SESSION_ID, "s1".getBytes())), SECRET);
        byte[] reply = handler.handle(request, request.length, NAS, RequestHandler.Port.ACCOUNTING).orElseThrow();
        assertEquals(RadiusPacket.ACCOUNTING_RESPONSE, reply[0] & 0xff);
        assertEquals(1, core.accounting.size());
        assertEquals(RadiusAccounting.START, core.accounting.get(0).statusType());
        assertEquals("s1", core.accounting.get(0).sessionId());
        request[request.length - 1] ^= 1;
        assertTrue(handler.handle(request, request.length, NAS, RequestHandler.Port.ACCOUNTING).isEmpty(), "a changed octet breaks its authenticator");
        assertTrue(handler.handle(request, request.length, NAS, RequestHandler.Port.AUTHENTICATION).isEmpty(), "accounting is not served on 1812");
    }

    @Test
    void saltEncryptedKeysDecryptWithTheSecretAndRequestAuthenticator() {
        byte[] key = new byte[32];
        new Random(1).nextBytes(key);
        byte[] authenticator = new byte[16];
        SaltEncryption.Salts salts = new SaltEncryption.Salts();
        byte[] sealed = SaltEncryption.encrypt(key, SECRET, authenticator, salts.next());
        assertTrue((sealed[0] & 0x80) != 0, "the salt's high bit is set");
        assertEquals(2 + 48, sealed.length, "length octet + 32 octets, padded to 48");
        assertArrayEquals(key, SaltEncryption.decrypt(sealed, SECRET, authenticator));
        byte[] second = SaltEncryption.encrypt(key, SECRET, authenticator, salts.next());
        assertFalse(Arrays.equals(Arrays.copyOf(sealed, 2), Arrays.copyOf(second, 2)), "RFC 2548: each salt unique within the answer");
        assertTrue((second[0] & 0x80) != 0);
    }

    @Test
    void tenThousandRandomAndMutatedPacketsLeaveTheHandlerAnswering() throws Exception {
        Random random = new Random(19);
        byte[] valid = pap("jsmith", "right", true, SECRET);
        for (int i = 0; i < 10_000; i++) {
            byte[] packet;
            if (i % 2 == 0) {
                packet = new byte[random.nextInt(80)];
                random.nextBytes(packet);
                if (packet.length >= 4 && random.nextBoolean()) {
                    packet[0] = (byte) (random.nextBoolean() ? 1 : 12);
                    packet[2] = (byte) (packet.length >> 8);
                    packet[3] = (byte) packet.length;
                }
            } else {
                packet = valid.clone();
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    packet[random.nextInt(packet.length)] = (byte) random.nextInt(256);
                }
                if (random.nextInt(10) == 0) {
                    packet = Arrays.copyOf(packet, random.nextInt(packet.length + 8));
                }
            }
            handler.handle(packet, packet.length, new InetSocketAddress("127.0.0.1", 1024 + i), RequestHandler.Port.AUTHENTICATION);
        }
        byte[] reply = send(pap("jsmith", "right", true, SECRET)).orElseThrow();
        assertEquals(RadiusPacket.ACCESS_ACCEPT, reply[0] & 0xff);
        assertInstanceOf(Map.class, events.drain());
    }
}
