package dev.signet.radius.adapter;

import dev.signet.adapter.radius.RadiusRequestListener;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * The RADIUS server resource adapter. One endpoint (an MDB implementing
 * {@link RadiusRequestListener}) answers every Access-Request; a second activation replaces none
 * and is refused, because two deciders for one port would answer the same packet twice.
 */
public class RadiusResourceAdapter implements ResourceAdapter {
    private static final Logger LOG = Logger.getLogger(RadiusResourceAdapter.class.getName());

    @ConfigProperty(defaultValue = "127.0.0.1", description = "Address the UDP listener binds to")
    private String bindAddress = "127.0.0.1";

    @ConfigProperty(defaultValue = "1812", description = "RADIUS authentication port (UDP)")
    private Integer authPort = 1812;

    private final transient AtomicReference<MessageEndpointFactory> endpoint = new AtomicReference<>();

    @Override
    public void start(BootstrapContext context) {
        UdpEndpoint where = new UdpEndpoint(bindAddress, authPort);
        LOG.info(() -> "Signet RADIUS adapter configured for " + where);
    }

    @Override
    public void stop() {
        endpoint.set(null);
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof RadiusActivationSpec)) {
            throw new ResourceException("Not a RADIUS activation spec: " + spec);
        }
        if (!endpoint.compareAndSet(null, factory)) {
            throw new ResourceException("A RADIUS endpoint is already active; only one may answer port " + authPort);
        }
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        endpoint.compareAndSet(factory, null);
    }

    public boolean hasEndpoint() {
        return endpoint.get() != null;
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    public Integer getAuthPort() {
        return authPort;
    }

    public void setAuthPort(Integer authPort) {
        this.authPort = authPort;
    }

    // JCA 1.7 section 5.3.1: equality of a ResourceAdapter bean is equality of its configuration.
    @Override
    public boolean equals(Object other) {
        return other instanceof RadiusResourceAdapter that
                && Objects.equals(bindAddress, that.bindAddress)
                && Objects.equals(authPort, that.authPort);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bindAddress, authPort);
    }
}
