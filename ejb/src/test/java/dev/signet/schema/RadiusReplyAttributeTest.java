package dev.signet.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.fault.InvalidInput;
import org.junit.jupiter.api.Test;

class RadiusReplyAttributeTest {
    @Test
    void knownVendorAttributesParseToTheirNumbers() {
        RadiusReplyAttribute cisco = RadiusReplyAttribute.parse("Cisco-AVPair=shell:priv-lvl=15");
        assertEquals(9, cisco.vendor());
        assertEquals(1, cisco.type());
        assertArrayEquals("shell:priv-lvl=15".getBytes(), cisco.value(), "only the first = separates name and value");
        RadiusReplyAttribute aruba = RadiusReplyAttribute.parse("aruba-admin-role = root");
        assertEquals(14823, aruba.vendor());
        assertEquals(4, aruba.type());
        assertEquals("Aruba-Admin-Role=root", Syntax.RADIUS_REPLY_ATTRIBUTE.normalise("radius_reply_attribute", "aruba-admin-role = root"),
                "stored with the dictionary's spelling");
    }

    @Test
    void unknownNamesBadNumbersAndAttributesSignetSetsAreRefused() {
        for (String bad : new String[] {"Tunnel-Private-Group-Id=10", "User-Name=root", "Foo-Bar=1", "Cisco-AVPair=", "=x", "no equals",
                "HP-Privilege-Level=high", "HP-Privilege-Level=-1", "Filter-Id=a\nb"}) {
            assertThrows(InvalidInput.class, () -> Syntax.RADIUS_REPLY_ATTRIBUTE.normalise("radius_reply_attribute", bad), bad);
        }
    }
}
