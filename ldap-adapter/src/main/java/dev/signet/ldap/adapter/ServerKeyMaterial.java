package dev.signet.ldap.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The server's TLS key pair, the one HTTPS serves: {@code data/signet/tls.p12}, opened with the
 * password in {@code tls-keystore.password}. Elytron writes that key store on the first HTTPS
 * handshake of a fresh install, so when it is not there yet one loopback handshake with the HTTPS
 * listener makes it.
 */
final class ServerKeyMaterial {
    private final Path keyStore;
    private final Path passwordFile;
    private final int httpsPort;

    ServerKeyMaterial(Path keyStore, Path passwordFile, int httpsPort) {
        this.keyStore = keyStore;
        this.passwordFile = passwordFile;
        this.httpsPort = httpsPort;
    }

    /** From the server's data dir (the password file may sit in the installation's, which the base dir was copied from). */
    static ServerKeyMaterial ofServer() {
        Path data = Path.of(System.getProperty("jboss.server.data.dir", "standalone/data"), "signet");
        Path password = data.resolve("tls-keystore.password");
        if (!Files.isRegularFile(password)) {
            password = Path.of(System.getProperty("jboss.home.dir", "."), "standalone", "data", "signet", "tls-keystore.password");
        }
        int port = Integer.getInteger("jboss.https.port", 8443) + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        return new ServerKeyMaterial(data.resolve("tls.p12"), password, port);
    }

    SSLContext context() throws IOException, GeneralSecurityException {
        if (!Files.isRegularFile(keyStore)) {
            promptHttpsKeyGeneration();
        }
        char[] password = Files.readString(passwordFile, StandardCharsets.US_ASCII).trim().toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private void promptHttpsKeyGeneration() throws IOException, GeneralSecurityException {
        SSLContext client = SSLContext.getInstance("TLS");
        // only to make the local HTTPS listener generate its key; nothing is sent over it
        client.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
                throw new java.security.cert.CertificateException("not a server");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // our own listener on loopback
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", httpsPort)) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
        }
        if (!Files.isRegularFile(keyStore)) {
            throw new IOException("no TLS key store at " + keyStore + " after a handshake with the HTTPS listener on " + httpsPort);
        }
    }
}
