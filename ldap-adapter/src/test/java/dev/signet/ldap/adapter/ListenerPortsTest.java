package dev.signet.ldap.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ListenerPortsTest {

    @Test
    void plainLdapIsOffByDefault() {
        LdapResourceAdapter adapter = new LdapResourceAdapter();
        ListenerPorts ports = new ListenerPorts(adapter.getLdapsPort(), adapter.getPlainPort());
        assertEquals(3636, ports.ldaps());
        assertFalse(ports.plainEnabled());
    }

    @Test
    void plainLdapCanBeEnabledOnItsOwnPort() {
        assertTrue(new ListenerPorts(3636, 3389).plainEnabled());
    }

    @Test
    void portsOutOfRangeOrEqualAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ListenerPorts(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ListenerPorts(70000, 0));
        assertThrows(IllegalArgumentException.class, () -> new ListenerPorts(3636, -1));
        assertThrows(IllegalArgumentException.class, () -> new ListenerPorts(3636, 3636));
    }

    @Test
    void adaptersWithTheSameConfigurationAreEqual() {
        LdapResourceAdapter a = new LdapResourceAdapter();
        LdapResourceAdapter b = new LdapResourceAdapter();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        b.setPlainPort(3389);
        assertFalse(a.equals(b));
    }
}
