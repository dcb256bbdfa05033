package dev.signet.ldap.adapter;

import java.io.IOException;
import java.net.InetSocketAddress;
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
 * LDAP starts without and turns TLS on when the client asks for StartTLS.
 */
final class LdapListener {
    static final String TLS_FILTER = "tls";
    private static final int MAX_PDU = 2 * 1024 * 1024;
    private final NioSocketAcceptor acceptor = new NioSocketAcceptor();
    private final ExecutorFilter executor = new ExecutorFilter(2, 32);
    private final SSLContext tls;

    private LdapListener(SSLContext tls, CoreEndpoint core, boolean implicitTls) throws Exception {
        this.tls = tls;
        LdapApiService codec = new StandaloneLdapApiService();
        if (implicitTls) {
            acceptor.getFilterChain().addLast(TLS_FILTER, tlsFilter());
        }
        acceptor.getFilterChain().addLast("frame", new PduFrame(MAX_PDU));
        LdapProtocolCodecFactory codecFactory = new LdapProtocolCodecFactory(codec);
        acceptor.getFilterChain().addLast("codec", new ProtocolCodecFilter(codecFactory));
        acceptor.getFilterChain().addLast("operations", executor);
        acceptor.setHandler(new LdapSessionHandler(core, codec, MAX_PDU, this::startTls));
        acceptor.setReuseAddress(true);
        acceptor.getSessionConfig().setTcpNoDelay(true);
        acceptor.getSessionConfig().setMaxReadBufferSize(MAX_PDU);
    }

    /** LDAPS: TLS from the first byte. */
    static LdapListener ldaps(SSLContext tls, CoreEndpoint core) throws Exception {
        return new LdapListener(tls, core, true);
    }

    /** Plain LDAP: TLS only after StartTLS (RFC 4513 3). */
    static LdapListener plain(SSLContext tls, CoreEndpoint core) throws Exception {
        return new LdapListener(tls, core, false);
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
        acceptor.unbind();
        acceptor.dispose(true);
        executor.destroy();
    }
}
