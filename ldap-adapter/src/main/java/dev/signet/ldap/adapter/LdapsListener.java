package dev.signet.ldap.adapter;

import java.io.IOException;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLContext;
import org.apache.directory.api.ldap.codec.api.LdapApiService;
import org.apache.directory.api.ldap.codec.protocol.mina.LdapProtocolCodecFactory;
import org.apache.directory.api.ldap.codec.standalone.StandaloneLdapApiService;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.filter.executor.ExecutorFilter;
import org.apache.mina.filter.ssl.SslFilter;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;

/**
 * The LDAPS listener: MINA's NIO acceptor (a few selector threads, no thread per idle
 * connection), TLS 1.2+ with the server's key pair, the Apache Directory LDAP API codec, and a
 * bounded pool that runs the operations, which call into the core.
 */
final class LdapsListener {
    private static final int MAX_PDU = 2 * 1024 * 1024;
    private final NioSocketAcceptor acceptor = new NioSocketAcceptor();
    private final ExecutorFilter executor = new ExecutorFilter(2, 32);

    LdapsListener(SSLContext tls, CoreEndpoint core) throws Exception {
        LdapApiService codec = new StandaloneLdapApiService();
        SslFilter ssl = new SslFilter(tls);
        ssl.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        acceptor.getFilterChain().addLast("tls", ssl);
        acceptor.getFilterChain().addLast("frame", new PduFrame(MAX_PDU));
        LdapProtocolCodecFactory codecFactory = new LdapProtocolCodecFactory(codec);
        acceptor.getFilterChain().addLast("codec", new ProtocolCodecFilter(codecFactory));
        acceptor.getFilterChain().addLast("operations", executor);
        acceptor.setHandler(new LdapSessionHandler(core, codec, MAX_PDU));
        acceptor.setReuseAddress(true);
        acceptor.getSessionConfig().setTcpNoDelay(true);
        acceptor.getSessionConfig().setMaxReadBufferSize(MAX_PDU);
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
