package dev.signet.ldap.adapter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
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
