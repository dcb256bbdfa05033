package dev.signet.ldap.adapter;

import dev.signet.adapter.ldap.LdapRequestListener;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.transaction.xa.XAResource;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import java.util.function.Function;

/**
 * The LDAP gateway resource adapter. Its configuration (address and ports) comes from the RA
 * deployment and can be overridden per installation by the jboss-cli scripts; the endpoints are
 * the MDBs that answer {@link LdapRequestListener}.
 */
public class LdapResourceAdapter implements ResourceAdapter {
    private static final Logger LOG = Logger.getLogger(LdapResourceAdapter.class.getName());

    @ConfigProperty(defaultValue = "127.0.0.1", description = "Address the listeners bind to")
    private String bindAddress = "127.0.0.1";

    @ConfigProperty(defaultValue = "3636", description = "LDAPS port")
    private Integer ldapsPort = 3636;

    @ConfigProperty(defaultValue = "0", description = "Plain LDAP port (StartTLS required before a password bind); 0 keeps it off")
    private Integer plainPort = 0;

    private final transient Map<ActivationSpec, MessageEndpointFactory> endpoints = new ConcurrentHashMap<>();
    private transient List<LdapListener> listeners = List.of();

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        // the key pair every listener serves exists before any of them, HTTPS included, needs it
        try {
            if (ServerKeyMaterial.ofServer().ensureKeyStore()) {
                context.getWorkManager().scheduleWork(new ElytronReload());
            }
        } catch (IOException | GeneralSecurityException | WorkException e) {
            throw new ResourceAdapterInternalException("the server's TLS key pair could not be generated: " + e, e);
        }
        ListenerPorts ports = ports();
        LOG.info(() -> "Signet LDAP adapter configured for " + address() + " " + ports);
    }

    @Override
    public synchronized void stop() {
        endpoints.clear();
        closeListeners();
    }

    @Override
    public synchronized void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof LdapActivationSpec)) {
            throw new ResourceException("Not an LDAP activation spec: " + spec);
        }
        spec.validate();
        endpoints.put(spec, factory);
        if (listeners.isEmpty()) {
            // connections are accepted only while the core can answer them
            ListenerPorts ports = ports();
            List<LdapListener> started = new ArrayList<>();
            try {
                SSLContext tls = ServerKeyMaterial.ofServer().context();
                started.add(listen(LdapListener.ldaps(tls, this::call), ports.ldaps(), "LDAPS"));
                if (ports.plainEnabled()) {
                    started.add(listen(LdapListener.plain(tls, this::call), ports.plain(), "plain LDAP (StartTLS before password binds)"));
                }
                listeners = List.copyOf(started);
            } catch (Exception e) {
                started.forEach(LdapListener::close);
                endpoints.remove(spec);
                throw new ResourceException("the LDAP listeners could not start on " + address() + " (" + ports + "): " + e, e);
            }
        }
    }

    private LdapListener listen(LdapListener listener, int port, String kind) throws IOException {
        listener.bind(new InetSocketAddress(address(), port));
        LOG.info(() -> "Signet " + kind + " listening on " + address() + ":" + listener.port());
        return listener;
    }

    @Override
    public synchronized void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        endpoints.remove(spec);
        if (endpoints.isEmpty()) {
            closeListeners();
        }
    }

    private void closeListeners() {
        listeners.forEach(LdapListener::close);
        listeners = List.of();
    }

    /** One operation on an endpoint of the core (the MDB), released after. */
    private <T> T call(Function<LdapRequestListener, T> operation) throws Exception {
        MessageEndpointFactory factory = endpoints.values().stream().findFirst()
                .orElseThrow(() -> new ResourceException("no LDAP endpoint is active"));
        MessageEndpoint endpoint = factory.createEndpoint(null);
        try {
            return operation.apply((LdapRequestListener) endpoint);
        } finally {
            endpoint.release();
        }
    }

    /**
     * The configured ports, or {@code -Dsignet.ldaps.port} (the property the socket binding uses)
     * and {@code -Dsignet.ldap.port} (plain LDAP; 0, the default, keeps it off).
     */
    private ListenerPorts ports() {
        return new ListenerPorts(Integer.getInteger("signet.ldaps.port", ldapsPort), Integer.getInteger("signet.ldap.port", plainPort));
    }

    /** The configured address, or the server's public bind address ({@code -b}). */
    private String address() {
        return System.getProperty("signet.ldaps.address", System.getProperty("jboss.bind.address", bindAddress));
    }

    /** How many endpoints are active; the listener accepts connections only while one is. */
    public int activeEndpoints() {
        return endpoints.size();
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

    public Integer getLdapsPort() {
        return ldapsPort;
    }

    public void setLdapsPort(Integer ldapsPort) {
        this.ldapsPort = ldapsPort;
    }

    public Integer getPlainPort() {
        return plainPort;
    }

    public void setPlainPort(Integer plainPort) {
        this.plainPort = plainPort;
    }

    // JCA 1.7 section 5.3.1: a ResourceAdapter JavaBean defines equality by its configuration.
    @Override
    public boolean equals(Object other) {
        return other instanceof LdapResourceAdapter that
                && Objects.equals(bindAddress, that.bindAddress)
                && Objects.equals(ldapsPort, that.ldapsPort)
                && Objects.equals(plainPort, that.plainPort);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bindAddress, ldapsPort, plainPort);
    }

    /** Has Elytron serve the generated key pair, once the deployment (which holds the controller) has ended. */
    private static final class ElytronReload implements Work {
        @Override
        public void run() {
            ElytronKeyStore.reload();
        }

        @Override
        public void release() {
            // nothing to interrupt: the reload is two short management operations
        }
    }
}
