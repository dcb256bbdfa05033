package dev.signet.radius;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressRangeTest {
    private static AddressRange range(String text) {
        return AddressRange.parse(text).orElseThrow(() -> new AssertionError("not parsed: " + text));
    }

    private static InetAddress ip(String text) {
        return AddressRange.source(text).orElseThrow();
    }

    @Test
    void oneAddressMatchesItselfOnly() {
        AddressRange nas = range("10.0.1.100");
        assertTrue(nas.contains(ip("10.0.1.100")));
        assertFalse(nas.contains(ip("10.0.1.101")));
        assertEquals("10.0.1.100", nas.toString());
    }

    @Test
    void aCidrBlockMatchesItsAddressesAndIsStoredByItsNetwork() {
        AddressRange block = range("10.0.1.77/24");
        assertEquals("10.0.1.0/24", block.toString(), "host bits are cleared");
        assertTrue(block.contains(ip("10.0.1.0")));
        assertTrue(block.contains(ip("10.0.1.255")));
        assertFalse(block.contains(ip("10.0.2.1")));
        assertTrue(range("0.0.0.0/0").contains(ip("192.0.2.1")));
        AddressRange odd = range("192.168.3.130/25");
        assertTrue(odd.contains(ip("192.168.3.200")));
        assertFalse(odd.contains(ip("192.168.3.127")));
    }

    @Test
    void ipv6BlocksMatchIpv6AndNeverIpv4() {
        AddressRange block = range("2001:DB8::/64");
        assertTrue(block.contains(ip("2001:db8::7")));
        assertTrue(block.contains(ip("2001:db8:0:0:ffff::1")));
        assertFalse(block.contains(ip("2001:db8:0:1::1")));
        assertFalse(block.contains(ip("10.0.0.1")));
        assertFalse(range("0.0.0.0/0").contains(ip("::1")));
        assertTrue(range("::1").contains(ip("::1")));
    }

    @Test
    void anIpv4MappedSourceIsTheIpv4AddressItCarries() {
        assertTrue(range("10.0.1.0/24").contains(ip("::ffff:10.0.1.5")));
    }

    @Test
    void namesAndNonsenseAreRefusedWithoutALookup() {
        for (String bad : new String[] {"localhost", "wifi.example.com", "10.0.1", "10.0.1.256", "10.0.1.1/33", "10.0.1.1/", "10.0.1.1/-1",
                "::1/129", "", " ", "10.0.0.1/24/8", "1.2.3.4 5", "fe80::1%eth0"}) {
            assertTrue(AddressRange.parse(bad).isEmpty(), bad);
        }
    }
}
