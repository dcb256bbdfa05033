package dev.signet.radius.eap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import java.util.Arrays;

/** EAP packets (RFC 3748 §4), TTLS' Diameter AVPs (RFC 5281 §10.1), the stored record, the seeded DRBG. */
class EapCodecTest {
    @Test
    void anEapPacketParsesOnlyWhenItsLengthIsExact() {
        byte[] identity = HexFormat.of().parseHex("0201000a01616c696365");
        EapPacket packet = EapPacket.parse(identity).orElseThrow();
        assertEquals(EapPacket.RESPONSE, packet.code());
        assertEquals(1, packet.identifier());
        assertEquals(EapPacket.TYPE_IDENTITY, packet.type());
        assertEquals("alice", new String(packet.data()));
        assertTrue(EapPacket.parse(HexFormat.of().parseHex("0201000b01616c696365")).isEmpty(), "Length beyond the bytes");
        assertTrue(EapPacket.parse(HexFormat.of().parseHex("0201000901616c696365")).isEmpty(), "bytes beyond the Length");
        assertTrue(EapPacket.parse(HexFormat.of().parseHex("02010004")).isEmpty(), "a Response without a type");
        assertTrue(EapPacket.parse(HexFormat.of().parseHex("0501000501")).isEmpty(), "no such code");
        assertArrayEquals(HexFormat.of().parseHex("03070004"), EapPacket.success(7));
    }

    @Test
    void diameterAvpsRoundTripWithPaddingAndVendor() {
        DiameterAvps.Avp name = new DiameterAvps.Avp(DiameterAvps.USER_NAME, 0, true, "alice".getBytes());
        DiameterAvps.Avp vendor = new DiameterAvps.Avp(DiameterAvps.MS_CHAP_CHALLENGE, DiameterAvps.MICROSOFT, true, new byte[16]);
        byte[] encoded = DiameterAvps.encode(name, vendor);
        // 8 + 5 = 13, padded to 16; then 12 + 16
        assertEquals(16 + 28, encoded.length);
        assertEquals("000000014000000d616c696365000000" + "0000000bc000001c00000137", HexFormat.of().formatHex(encoded).substring(0, 56));
        List<DiameterAvps.Avp> parsed = DiameterAvps.parse(encoded).orElseThrow();
        assertEquals(2, parsed.size());
        assertTrue(parsed.get(1).is(DiameterAvps.MICROSOFT, DiameterAvps.MS_CHAP_CHALLENGE));
        assertArrayEquals("alice".getBytes(), parsed.get(0).data());
    }

    @Test
    void truncatedOrImpossibleAvpsAreRefused() {
        assertTrue(DiameterAvps.parse(new byte[] {0, 0, 0, 1, 0x40, 0, 0}).isEmpty());
        assertTrue(DiameterAvps.parse(HexFormat.of().parseHex("0000000140000004")).isEmpty(), "length below the header");
        assertTrue(DiameterAvps.parse(HexFormat.of().parseHex("00000001400000ff61")).isEmpty(), "length beyond the data");
        assertTrue(DiameterAvps.parse(HexFormat.of().parseHex("00000001c000000a00000137")).isEmpty(), "vendor flag, short header");
    }

    @Test
    void theStoredRecordRoundTripsAndRefusesGarbage() {
        ConversationRecord record = new ConversationRecord(new byte[32], new byte[32], List.of(new byte[] {1, 2}, new byte[0]));
        ConversationRecord back = ConversationRecord.decode(record.encode()).orElseThrow();
        assertEquals(2, back.received().size());
        assertArrayEquals(new byte[] {1, 2}, back.received().get(0));
        byte[] truncated = record.encode();
        assertTrue(ConversationRecord.decode(Arrays.copyOf(truncated, truncated.length - 1)).isEmpty(), "a cut length prefix");
        assertTrue(ConversationRecord.decode(new byte[10]).isEmpty());
        byte[] badLength = Arrays.copyOf(record.encode(), 68);
        badLength[65] = 0x7f;
        assertTrue(ConversationRecord.decode(badLength).isEmpty());
    }

    @Test
    void theSeededRandomIsDeterministicPerSeedAndDiffersAcrossSeeds() {
        byte[] seed = new byte[32];
        seed[0] = 1;
        byte[] a = new byte[100];
        byte[] b = new byte[100];
        new SeededRandom(seed).nextBytes(a);
        new SeededRandom(seed).nextBytes(b);
        assertArrayEquals(a, b);
        seed[0] = 2;
        byte[] c = new byte[100];
        new SeededRandom(seed).nextBytes(c);
        assertTrue(!Arrays.equals(a, c));
        SeededRandom big = new SeededRandom(seed);
        byte[] large = new byte[10_000];
        big.nextBytes(large);
        assertEquals(new SeededRandom(seed).nextInt(), new SeededRandom(seed).nextInt());
    }
}
