package dev.signet.ldap.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilter;
import org.apache.mina.core.session.DummySession;
import org.junit.jupiter.api.Test;

class PduFrameTest {
    private static byte[] hex(String value) {
        return HexFormat.of().parseHex(value.replace(" ", ""));
    }

    @Test
    void aRealBindRequestFits() {
        // LDAPMessage { id 1, BindRequest { version 3, name "cn=a", simple "pw" } }
        byte[] bind = hex("30 12 02 01 01 60 0d 02 01 03 04 04 63 6e 3d 61 80 02 70 77");
        assertTrue(PduFrame.nestedLengthsFit(bind, 0, bind.length, 0));
    }

    @Test
    void aValueClaimingGigabytesDoesNot() {
        // the outer length is honest; the name inside claims 0x7fffffff bytes
        byte[] bomb = hex("30 10 02 01 01 60 0b 02 01 03 04 84 7f ff ff ff 80 00");
        assertFalse(PduFrame.nestedLengthsFit(bomb, 0, bomb.length, 0));
    }

    /** A message refused once it is complete closes its connection; bytes read behind it are dropped, not appended. */
    @Test
    void whatArrivesBehindARefusedMessageIsDropped() throws Exception {
        AtomicLong budget = new AtomicLong(1 << 20);
        PduFrame frame = new PduFrame(8192, 2 << 20, budget);
        DummySession session = new DummySession();
        List<Object> passed = new ArrayList<>();
        IoFilter.NextFilter next = (IoFilter.NextFilter) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {IoFilter.NextFilter.class}, (proxy, method, args) -> {
                    if (method.getName().equals("messageReceived")) {
                        passed.add(args[1]);
                    }
                    return null;
                });
        // a 300-byte SEQUENCE whose first element claims more than the message holds
        byte[] malformed = new byte[300];
        malformed[0] = 0x30;
        malformed[1] = (byte) 0x82;
        malformed[2] = 0x01;
        malformed[3] = 0x28;
        malformed[4] = 0x04;
        malformed[5] = (byte) 0x82;
        malformed[6] = 0x7f;
        malformed[7] = 0x7f;
        frame.messageReceived(next, session, IoBuffer.wrap(malformed, 0, 150));
        assertThrows(IOException.class, () -> frame.messageReceived(next, session, IoBuffer.wrap(malformed, 150, 150)));
        frame.messageReceived(next, session, IoBuffer.wrap(new byte[100]));
        assertTrue(passed.isEmpty(), "nothing reached the codec");
        assertTrue(session.isClosing());
        assertEquals(1 << 20, budget.get(), "the carried-over buffer was given back");
    }

    @Test
    void nestingWithoutEndIsRefused() {
        byte[] deep = new byte[200];
        for (int i = 0; i < deep.length; i += 2) {
            deep[i] = 0x30;
            deep[i + 1] = (byte) (deep.length - i - 2 > 127 ? 0x7f : deep.length - i - 2);
        }
        assertFalse(PduFrame.nestedLengthsFit(deep, 0, deep.length, 0));
    }
}
