package dev.signet.radius.eap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RFC 5216 §3.1-3.2 framing: L and M bits, the length, acknowledgements, bounds. */
class TlsFragmentsTest {
    @Test
    void aLongMessageGoesOutInFragmentsTheFirstWithTheLength() {
        TlsFragments fragments = new TlsFragments(100, 1000);
        byte[] message = new byte[250];
        Arrays.fill(message, (byte) 7);
        byte[] first = fragments.send(message, 0);
        assertEquals(TlsFragments.FLAG_LENGTH | TlsFragments.FLAG_MORE, first[0] & 0xFF);
        assertArrayEquals(new byte[] {0, 0, 0, (byte) 250}, Arrays.copyOfRange(first, 1, 5));
        assertEquals(105, first.length);
        assertInstanceOf(TlsFragments.Acknowledged.class, fragments.receive(new byte[] {0}));
        byte[] second = fragments.next(0);
        assertEquals(TlsFragments.FLAG_MORE, second[0] & 0xFF, "later fragments carry no length");
        assertEquals(101, second.length);
        byte[] third = fragments.next(0);
        assertEquals(0, third[0] & 0xFF, "the last has neither L nor M");
        assertEquals(51, third.length);
        assertFalse(fragments.sending());
    }

    @Test
    void aShortMessageGoesOutWhole() {
        byte[] out = new TlsFragments(100, 1000).send(new byte[] {1, 2, 3}, 0);
        assertArrayEquals(new byte[] {0, 1, 2, 3}, out);
    }

    @Test
    void fragmentsFromThePeerAreReassembledAfterAcknowledgements() {
        TlsFragments fragments = new TlsFragments(100, 1000);
        assertInstanceOf(TlsFragments.Partial.class, fragments.receive(new byte[] {(byte) 0xC0, 0, 0, 0, 4, 1, 2}));
        assertInstanceOf(TlsFragments.Partial.class, fragments.receive(new byte[] {0x40, 3}));
        TlsFragments.Received whole = fragments.receive(new byte[] {0, 4});
        assertArrayEquals(new byte[] {1, 2, 3, 4}, ((TlsFragments.Whole) whole).data());
    }

    @Test
    void aPeerMayNotExceedTheBoundOrItsOwnAnnouncedLength() {
        assertInstanceOf(TlsFragments.Broken.class, new TlsFragments(100, 1000).receive(new byte[] {(byte) 0xC0, 0, 0, 0x10, 0, 1}));
        TlsFragments announced = new TlsFragments(100, 1000);
        announced.receive(new byte[] {(byte) 0xC0, 0, 0, 0, 2, 1});
        assertInstanceOf(TlsFragments.Broken.class, announced.receive(new byte[] {0, 2, 3}), "more than announced");
        TlsFragments shorter = new TlsFragments(100, 1000);
        shorter.receive(new byte[] {(byte) 0xC0, 0, 0, 0, 5, 1});
        assertInstanceOf(TlsFragments.Broken.class, shorter.receive(new byte[] {0, 2}), "less than announced");
        TlsFragments unbounded = new TlsFragments(100, 1000);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        TlsFragments.Received last = null;
        for (int i = 0; i < 20 && !(last instanceof TlsFragments.Broken); i++) {
            byte[] fragment = new byte[101];
            fragment[0] = TlsFragments.FLAG_MORE;
            sent.writeBytes(fragment);
            last = unbounded.receive(fragment);
        }
        assertInstanceOf(TlsFragments.Broken.class, last, "endless fragments without a length stop at the bound");
        assertTrue(sent.size() <= 1200);
    }

    @Test
    void startFromThePeerAndDataInsteadOfAnAcknowledgementAreRefused() {
        assertInstanceOf(TlsFragments.Broken.class, new TlsFragments(100, 1000).receive(new byte[] {TlsFragments.FLAG_START}));
        TlsFragments fragments = new TlsFragments(2, 1000);
        fragments.send(new byte[] {1, 2, 3}, 0);
        assertInstanceOf(TlsFragments.Broken.class, fragments.receive(new byte[] {0, 9}));
        assertInstanceOf(TlsFragments.Broken.class, new TlsFragments(100, 1000).receive(new byte[0]));
    }
}
