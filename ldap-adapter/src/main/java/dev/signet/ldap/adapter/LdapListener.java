package dev.signet.ldap.adapter;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import org.apache.directory.api.ldap.codec.api.LdapApiService;
import org.apache.directory.api.ldap.codec.protocol.mina.LdapProtocolCodecFactory;
import org.apache.directory.api.ldap.codec.standalone.StandaloneLdapApiService;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.filter.executor.ExecutorFilter;
import org.apache.mina.filter.ssl.SslFilter;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;

/**
 * An LDAP listener: MINA's NIO acceptor (a few selector threads, no thread per idle connection),
 * TLS 1.3 and 1.2 ({@link TlsPolicy}) with the server's key pair, the Apache Directory LDAP API codec, and a bounded pool that
 * runs the operations, which call into the core. LDAPS starts every connection with TLS; plain
 * LDAP starts without and turns TLS on when the client asks for StartTLS. What clients may hold of
 * it is bounded ({@link ListenerLimits}): connections per address and in all, PDU sizes before and
 * after a bind, the heap of unfinished PDUs, operations per connection and per account, and a
 * sweeper closes connections that stay silent too long or take too long to finish a PDU.
 */
final class LdapListener {
    private static final Logger LOG = Logger.getLogger(LdapListener.class.getName());
    static final String TLS_FILTER = "tls";
    /** The most one read hands the filters: a TLS record is 16 KiB, so this is a few of them. */
    private static final int MAX_READ = 64 * 1024;
    private final NioSocketAcceptor acceptor = new NioSocketAcceptor();
    private final ExecutorFilter executor = new ExecutorFilter(2, 32);
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "signet-ldap-sweeper");
        thread.setDaemon(true);
        return thread;
    });
    private final ListenerLimits limits;
    private final ConnectionLimit connections;
    private final AtomicLong unfinishedBudget;
    private final SSLContext tls;

    private LdapListener(SSLContext tls, CoreEndpoint core, boolean implicitTls, ListenerLimits limits) throws Exception {
        this.tls = tls;
        this.limits = limits;
        this.connections = new ConnectionLimit(limits.connectionsPerAddress(), limits.connections());
        this.unfinishedBudget = new AtomicLong(limits.unfinishedBytes());
        LdapApiService codec = new StandaloneLdapApiService();
        // refused connections go no further than the first filter: not even a TLS engine is made for them
        acceptor.getFilterChain().addLast("connections", connections);
        if (implicitTls) {
            acceptor.getFilterChain().addLast(TLS_FILTER, tlsFilter());
        }
        acceptor.getFilterChain().addLast("frame", new PduFrame(ListenerLimits.UNBOUND_PDU, ListenerLimits.BOUND_PDU, unfinishedBudget));
        LdapProtocolCodecFactory codecFactory = new LdapProtocolCodecFactory(codec);
        acceptor.getFilterChain().addLast("codec", new ProtocolCodecFilter(codecFactory));
        acceptor.getFilterChain().addLast("backlog", new OperationLimit());
        acceptor.getFilterChain().addLast("operations", executor);
        acceptor.setHandler(new LdapSessionHandler(core, codec, ListenerLimits.BOUND_PDU, this::startTls,
                new AccountOperations(limits.operationsPerAccount())));
        acceptor.setReuseAddress(true);
        acceptor.getSessionConfig().setTcpNoDelay(true);
        acceptor.getSessionConfig().setMaxReadBufferSize(MAX_READ);
        long period = Math.max(50, Math.min(1000, Math.min(limits.idle().toMillis(), limits.pduDeadline().toMillis()) / 4));
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /** LDAPS: TLS from the first byte. */
    static LdapListener ldaps(SSLContext tls, CoreEndpoint core) throws Exception {
        return ldaps(tls, core, ListenerLimits.configured());
    }

    static LdapListener ldaps(SSLContext tls, CoreEndpoint core, ListenerLimits limits) throws Exception {
        return new LdapListener(tls, core, true, limits);
    }

    /** Plain LDAP: TLS only after StartTLS (RFC 4513 3). */
    static LdapListener plain(SSLContext tls, CoreEndpoint core) throws Exception {
        return plain(tls, core, ListenerLimits.configured());
    }

    static LdapListener plain(SSLContext tls, CoreEndpoint core, ListenerLimits limits) throws Exception {
        return new LdapListener(tls, core, false, limits);
    }

    /** Closes connections silent for longer than the idle timeout, and those whose PDU has been arriving for too long. */
    private void sweep() {
        try {
            long now = System.nanoTime();
            long nowMillis = System.currentTimeMillis();
            for (IoSession session : acceptor.getManagedSessions().values()) {
                if (nowMillis - session.getLastIoTime() > limits.idle().toMillis()) {
                    LOG.fine(() -> "LDAP connection " + session.getId() + " closed: idle for " + limits.idle());
                    session.closeNow();
                } else if (PduFrame.unfinishedFor(session, now) > limits.pduDeadline().toNanos()) {
                    LOG.fine(() -> "LDAP connection " + session.getId() + " closed: a PDU unfinished after " + limits.pduDeadline());
                    session.closeNow();
                }
            }
        } catch (RuntimeException e) {
            // the next sweep tries again; a sweeper that died would leave every later connection unswept
            LOG.log(Level.WARNING, "LDAP connection sweep failed", e);
        }
    }

    /** Open connections, as the connection limits count them. */
    int openConnections() {
        return connections.open();
    }

    /** Heap held by unfinished PDUs on all connections. */
    long unfinishedBytes() {
        return limits.unfinishedBytes() - unfinishedBudget.get();
    }

    private SslFilter tlsFilter() {
        SslFilter ssl = new SslFilter(tls);
        ssl.setEnabledProtocols(TlsPolicy.PROTOCOLS);
        ssl.setEnabledCipherSuites(TlsPolicy.CIPHER_SUITES);
        return ssl;
    }

    /**
     * Puts TLS first on the connection. Called once the StartTLS response has been written: the
     * write completes on the connection's I/O thread, which reads the client's handshake only
     * after this returns, so no byte is read in the clear after the response.
     */
    private void startTls(IoSession session) {
        session.getFilterChain().addFirst(TLS_FILTER, tlsFilter());
    }

    static boolean secure(IoSession session) {
        return session.getFilterChain().contains(TLS_FILTER);
    }

    void bind(InetSocketAddress address) throws IOException {
        acceptor.bind(address);
    }

    int port() {
        return acceptor.getLocalAddress().getPort();
    }

    void close() {
        sweeper.shutdownNow();
        acceptor.unbind();
        acceptor.dispose(true);
        executor.destroy();
    }
}
