package dev.signet.radius.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class RadiusResourceAdapterTest {

    private static MessageEndpointFactory factory() {
        return (MessageEndpointFactory) Proxy.newProxyInstance(MessageEndpointFactory.class.getClassLoader(),
                new Class<?>[] {MessageEndpointFactory.class}, (proxy, method, args) -> null);
    }

    @Test
    void listensOnTheStandardPortOfLoopbackByDefault() {
        RadiusResourceAdapter adapter = new RadiusResourceAdapter();
        assertEquals("127.0.0.1:1812/udp", new UdpEndpoint(adapter.getBindAddress(), adapter.getAuthPort()).toString());
    }

    @Test
    void onlyOneEndpointMayAnswerThePort() throws Exception {
        RadiusResourceAdapter adapter = new RadiusResourceAdapter();
        // free ports, not the machine's 1812/1813
        try (java.net.DatagramSocket a = new java.net.DatagramSocket(0); java.net.DatagramSocket b = new java.net.DatagramSocket(0)) {
            adapter.setAuthPort(a.getLocalPort());
            adapter.setAccountingPort(b.getLocalPort());
        }
        MessageEndpointFactory first = factory();
        adapter.endpointActivation(first, new RadiusActivationSpec());
        assertTrue(adapter.hasEndpoint());
        assertThrows(ResourceException.class, () -> adapter.endpointActivation(factory(), new RadiusActivationSpec()));
        adapter.endpointDeactivation(first, new RadiusActivationSpec());
        assertFalse(adapter.hasEndpoint());
        assertEquals(0, adapter.boundPorts().length, "the sockets close with the endpoint");
    }

    @Test
    void badBindAddressOrPortIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new UdpEndpoint(" ", 1812));
        assertThrows(IllegalArgumentException.class, () -> new UdpEndpoint("127.0.0.1", 0));
        assertThrows(IllegalArgumentException.class, () -> new UdpEndpoint("127.0.0.1", 65536));
    }
}
