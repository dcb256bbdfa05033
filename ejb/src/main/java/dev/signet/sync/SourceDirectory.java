package dev.signet.sync;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * A bound connection to a sync account's directory: LDAPS, or plain LDAP upgraded with StartTLS
 * before the bind. The server's certificate must chain to the configured CA (or the JVM's trust
 * store) and name the host. The sync job reads through it, and {@code _ldap/_test} tries it.
 */
public final class SourceDirectory {
    private static final int CONNECT_MILLIS = 10_000;

    private SourceDirectory() {
    }

    /** Connected, TLS set up and bound; a {@link SourceFailure} naming the stage that failed otherwise. */
    public static LDAPConnection connect(LdapSource source, char[] password) {
        SSLUtil tls;
        try {
            tls = new SSLUtil(trust(source.caPem()));
        } catch (GeneralSecurityException e) {
            throw new SourceFailure(SourceFailure.Stage.TLS, "ca_pem cannot be used: " + e.getMessage(), e);
        }
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        options.setConnectTimeoutMillis(CONNECT_MILLIS);
        options.setResponseTimeoutMillis(120_000);
        LDAPConnection connection;
        try {
            if (source.startTls()) {
                connection = new LDAPConnection(options, source.host(), source.port());
                try {
                    var result = connection.processExtendedOperation(new StartTLSExtendedRequest(tls.createSSLContext("TLSv1.2")));
                    if (result.getResultCode() != ResultCode.SUCCESS) {
                        throw new LDAPException(result.getResultCode(), "StartTLS refused by " + source.host());
                    }
                } catch (LDAPException | GeneralSecurityException e) {
                    connection.close();
                    throw SourceFailure.at(SourceFailure.Stage.TLS, e);
                }
            } else {
                connection = new LDAPConnection(handshakeTimed(tls.createSSLSocketFactory("TLSv1.2")), options, source.host(), source.port());
            }
        } catch (LDAPException | GeneralSecurityException e) {
            throw SourceFailure.at(SourceFailure.Stage.CONNECT, e);
        }
        try {
            connection.bind(source.bindDn(), new String(password));
            return connection;
        } catch (LDAPException e) {
            connection.close();
            throw SourceFailure.at(SourceFailure.Stage.BIND, e);
        }
    }

    /**
     * UnboundID's connect timeout ends with the TCP connect: a directory that accepts and then
     * says nothing would hold the TLS handshake, and so the run (and every later run), forever.
     * A read timeout from the start bounds the handshake; the SDK's reader treats later read
     * timeouts as a wake-up, not a failure.
     */
    private static SocketFactory handshakeTimed(SSLSocketFactory tls) {
        return new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                return timed(tls.createSocket());
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return timed(tls.createSocket(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                return timed(tls.createSocket(host, port, local, localPort));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return timed(tls.createSocket(host, port));
            }

            @Override
            public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
                return timed(tls.createSocket(host, port, local, localPort));
            }
        };
    }

    private static Socket timed(Socket socket) throws IOException {
        socket.setSoTimeout(CONNECT_MILLIS);
        return socket;
    }

    /** Trust exactly the configured CA certificate(s), or the JVM's trust store without one. */
    static TrustManager[] trust(String caPem) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (caPem == null || caPem.isBlank()) {
            factory.init((KeyStore) null);
            return factory.getTrustManagers();
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (Certificate certificate : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)))) {
            store.setCertificateEntry("ca" + i++, certificate);
        }
        factory.init(store);
        return factory.getTrustManagers();
    }
}
