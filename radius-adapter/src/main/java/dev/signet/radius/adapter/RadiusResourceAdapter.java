package dev.signet.radius.adapter;

import dev.signet.adapter.radius.RadiusEvent;
import dev.signet.adapter.radius.RadiusRequestListener;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * The RADIUS server resource adapter: UDP authentication (1812) and accounting (1813) on one
 * address. One endpoint (an MDB implementing {@link RadiusRequestListener}) answers every
 * request; a second activation is refused, because two deciders for one port would answer the
 * same packet twice. The sockets are open only while the endpoint is active. Each setting may be
 * overridden by a server system property: {@code signet.radius.address} (else {@code -b}),
 * {@code signet.radius.port}, {@code signet.radius.accounting.port} (0 keeps it off),
 * {@code signet.radius.workers}.
 */
public class RadiusResourceAdapter implements ResourceAdapter {
    private static final Logger LOG = Logger.getLogger(RadiusResourceAdapter.class.getName());
    /** RFC 5080 section 2.2.2 suggests a few seconds; clients retransmit within 1-5 s. */
    static final long DUPLICATE_WINDOW_MILLIS = 10_000;
    private static final int DUPLICATE_CAPACITY = 100_000;
    private static final int QUEUE = 2048;

    @ConfigProperty(defaultValue = "127.0.0.1", description = "Address the UDP listeners bind to")
    private String bindAddress = "127.0.0.1";

    @ConfigProperty(defaultValue = "1812", description = "RADIUS authentication port (UDP)")
    private Integer authPort = 1812;

    @ConfigProperty(defaultValue = "1813", description = "RADIUS accounting port (UDP); 0 keeps it off")
    private Integer accountingPort = 1813;

    @ConfigProperty(defaultValue = "32", description = "Requests decided at once; more wait in a bounded queue")
    private Integer workers = 32;

    private final transient AtomicReference<MessageEndpointFactory> endpoint = new AtomicReference<>();
    private transient List<RadiusListener> listeners = List.of();
    private transient ThreadPoolExecutor pool;
    private transient ScheduledExecutorService reporter;
    private final transient EventCounts events = new EventCounts();

    @Override
    public void start(BootstrapContext context) {
        LOG.info(() -> "Signet RADIUS adapter configured for " + authEndpoint() + (accounting() > 0 ? " and " + accounting() + "/udp (accounting)" : ""));
    }

    @Override
    public synchronized void stop() {
        endpoint.set(null);
        close();
    }

    @Override
    public synchronized void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof RadiusActivationSpec)) {
            throw new ResourceException("Not a RADIUS activation spec: " + spec);
        }
        if (!endpoint.compareAndSet(null, factory)) {
            throw new ResourceException("A RADIUS endpoint is already active; only one may answer port " + authPort);
        }
        UdpEndpoint auth = authEndpoint();
        try {
            pool = RadiusListener.workers(Integer.getInteger("signet.radius.workers", workers), QUEUE);
            RequestHandler handler = new RequestHandler(this::call, events, new DuplicateCache(DUPLICATE_WINDOW_MILLIS, DUPLICATE_CAPACITY));
            List<RadiusListener> started = new ArrayList<>();
            started.add(new RadiusListener(new InetSocketAddress(auth.address(), auth.port()), RequestHandler.Port.AUTHENTICATION, handler, pool, events));
            if (accounting() > 0) {
                started.add(new RadiusListener(new InetSocketAddress(auth.address(), accounting()), RequestHandler.Port.ACCOUNTING, handler, pool, events));
            }
            listeners = List.copyOf(started);
            reporter = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "signet-radius-metrics");
                t.setDaemon(true);
                return t;
            });
            reporter.scheduleWithFixedDelay(this::report, 1, 1, TimeUnit.SECONDS);
            LOG.info(() -> "Signet RADIUS listening on " + auth + (accounting() > 0 ? ", accounting on " + auth.address() + ":" + accounting() + "/udp" : ""));
        } catch (Exception e) {
            endpoint.set(null);
            close();
            throw new ResourceException("the RADIUS listener could not start on " + auth + ": " + e, e);
        }
    }

    @Override
    public synchronized void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        if (endpoint.compareAndSet(factory, null)) {
            close();
        }
    }

    private void close() {
        listeners.forEach(RadiusListener::close);
        listeners = List.of();
        if (reporter != null) {
            reporter.shutdownNow();
            reporter = null;
        }
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
    }

    /** One call on an endpoint of the core (the MDB), released after. */
    private <T> T call(Function<RadiusRequestListener, T> operation) throws Exception {
        MessageEndpointFactory factory = endpoint.get();
        if (factory == null) {
            throw new ResourceException("no RADIUS endpoint is active");
        }
        MessageEndpoint instance = factory.createEndpoint(null);
        try {
            return operation.apply((RadiusRequestListener) instance);
        } finally {
            instance.release();
        }
    }

    /** Hands the counts of what the listener handled itself to the core's metrics. */
    private void report() {
        Map<RadiusEvent, Long> counts = events.drain();
        if (counts.isEmpty()) {
            return;
        }
        try {
            call(listener -> {
                listener.observed(counts);
                return null;
            });
        } catch (Exception e) {
            events.restore(counts);
            LOG.log(Level.FINE, "RADIUS counts not reported yet", e);
        }
    }

    private UdpEndpoint authEndpoint() {
        return new UdpEndpoint(System.getProperty("signet.radius.address", System.getProperty("jboss.bind.address", bindAddress)),
                Integer.getInteger("signet.radius.port", authPort));
    }

    private int accounting() {
        return Integer.getInteger("signet.radius.accounting.port", accountingPort);
    }

    public boolean hasEndpoint() {
        return endpoint.get() != null;
    }

    /** The ports the listeners are bound to (for tests that bind port 0). */
    int[] boundPorts() {
        return listeners.stream().mapToInt(RadiusListener::port).toArray();
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

    public Integer getAccountingPort() {
        return accountingPort;
    }

    public void setAccountingPort(Integer accountingPort) {
        this.accountingPort = accountingPort;
    }

    public Integer getWorkers() {
        return workers;
    }

    public void setWorkers(Integer workers) {
        this.workers = workers;
    }

    // JCA 1.7 section 5.3.1: equality of a ResourceAdapter bean is equality of its configuration.
    @Override
    public boolean equals(Object other) {
        return other instanceof RadiusResourceAdapter that
                && Objects.equals(bindAddress, that.bindAddress)
                && Objects.equals(authPort, that.authPort)
                && Objects.equals(accountingPort, that.accountingPort)
                && Objects.equals(workers, that.workers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bindAddress, authPort, accountingPort, workers);
    }
}
