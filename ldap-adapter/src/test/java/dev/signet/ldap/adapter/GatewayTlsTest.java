package dev.signet.ldap.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.adapter.ldap.LdapRequestListener;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wildfly.security.x500.GeneralName;

/**
 * The gateway's TLS with a key pair made as on a fresh install: what it offers (TLS 1.3, TLS 1.2
 * ECDHE + AEAD, nothing else) and that a client trusting the generated certificate verifies the
 * host name for every name a client on the machine uses.
 */
class GatewayTlsTest {
    private static Path dir;
    private static LdapListener listener;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("gateway-tls");
        Files.writeString(dir.resolve("tls-keystore.password"), "store-secret\n");
        ServerKeyMaterial keys = new ServerKeyMaterial(dir.resolve("tls.p12"), dir.resolve("tls-keystore.password"));
        assertTrue(keys.ensureKeyStore(), "a fresh install has no key pair: it is made");
        CoreEndpoint core = new CoreEndpoint() {
            @Override
            public <T> T call(Function<LdapRequestListener, T> operation) {
                throw new UnsupportedOperationException("no operation reaches the core in these tests");
            }
        };
        listener = LdapListener.ldaps(keys.context(), core);
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterAll
    static void stop() {
        listener.close();
    }

    @Test
    void aSecondStartKeepsTheKeyPair() throws Exception {
        byte[] before = Files.readAllBytes(dir.resolve("tls.p12"));
        assertEquals(false, new ServerKeyMaterial(dir.resolve("tls.p12"), dir.resolve("tls-keystore.password")).ensureKeyStore());
        assertTrue(Arrays.equals(before, Files.readAllBytes(dir.resolve("tls.p12"))));
    }

    @Test
    void theKeyStoreIsReadableByItsOwnerOnly() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("tls.p12"))));
    }

    @Test
    void namesCoverTheDomainTheHostAndTheLoopbackAddresses() {
        assertEquals(List.of("idm.example.com", "node1", "localhost", "127.0.0.1", "::1", "192.0.2.7"),
                SelfSignedCertificate.names("idm.example.com", "node1", "192.0.2.7").stream().map(GatewayTlsTest::text).toList());
        assertEquals(List.of("localhost", "127.0.0.1", "::1"),
                SelfSignedCertificate.names("localhost", "LOCALHOST", "0.0.0.0").stream().map(GatewayTlsTest::text).toList(),
                "each name once; a wildcard bind address names nothing");
    }

    @Test
    void tls13IsNegotiated() throws Exception {
        assertEquals("TLSv1.3", handshake("127.0.0.1", "TLSv1.3", null));
    }

    @Test
    void tls12WithEcdheAndGcmIsNegotiated() throws Exception {
        assertEquals("TLSv1.2", handshake("127.0.0.1", "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"));
        assertEquals("TLSv1.2", handshake("127.0.0.1", "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"));
    }

    @Test
    void cbcAndSha1SuitesAreRefused() {
        for (String suite : List.of("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
                "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256")) {
            assertThrows(SSLHandshakeException.class, () -> handshake("127.0.0.1", "TLSv1.2", suite), suite);
        }
    }

    @Test
    void theHostNameIsVerifiedForEveryLocalName() throws Exception {
        for (String host : List.of("localhost", "127.0.0.1")) {
            assertEquals("TLSv1.3", handshake(host, "TLSv1.3", null), host);
        }
    }

    /** A handshake from a client that trusts only the generated certificate and checks the host name as LDAPS clients do. */
    private static String handshake(String host, String protocol, String suite) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("tls.p12"))) {
            trusted.load(in, "store-secret".toCharArray());
        }
        X509Certificate certificate = (X509Certificate) trusted.getCertificate(SelfSignedCertificate.ALIAS);
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("signet", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(host, listener.port())) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {protocol});
            if (suite != null) {
                socket.setEnabledCipherSuites(new String[] {suite});
            }
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("LDAPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }

    private static String text(GeneralName name) {
        try {
            return name.getName() instanceof byte[] address ? InetAddress.getByAddress(address).getHostAddress().replace("0:0:0:0:0:0:0:1", "::1")
                    : name.getName().toString();
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
