package dev.signet.ldap.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The server's TLS key pair, the one HTTPS serves: {@code data/signet/tls.p12}, opened with the
 * password in {@code tls-keystore.password}. On a fresh install there is none yet: the adapter
 * generates it when it starts ({@link SelfSignedCertificate}), before the LDAP listeners or a
 * client need it, and Elytron then loads it for HTTPS ({@link ElytronKeyStore}).
 */
final class ServerKeyMaterial {
    private final Path keyStore;
    private final Path passwordFile;

    ServerKeyMaterial(Path keyStore, Path passwordFile) {
        this.keyStore = keyStore;
        this.passwordFile = passwordFile;
    }

    /** From the server's data dir (the password file may sit in the installation's, which the base dir was copied from). */
    static ServerKeyMaterial ofServer() {
        Path data = Path.of(System.getProperty("jboss.server.data.dir", "standalone/data"), "signet");
        Path password = data.resolve("tls-keystore.password");
        if (!Files.isRegularFile(password)) {
            password = Path.of(System.getProperty("jboss.home.dir", "."), "standalone", "data", "signet", "tls-keystore.password");
        }
        return new ServerKeyMaterial(data.resolve("tls.p12"), password);
    }

    /**
     * Generates the self-signed key pair when there is none.
     *
     * @return true when it was generated now (Elytron still serves what it read at boot)
     */
    synchronized boolean ensureKeyStore() throws IOException, GeneralSecurityException {
        if (Files.isRegularFile(keyStore)) {
            return false;
        }
        String domain = System.getProperty("signet.domain", "localhost");
        SelfSignedCertificate.write(keyStore, password(), SelfSignedCertificate.names(domain, hostName(), System.getProperty("jboss.bind.address")));
        return true;
    }

    SSLContext context() throws IOException, GeneralSecurityException {
        ensureKeyStore();
        char[] password = password();
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

    private char[] password() throws IOException {
        return Files.readString(passwordFile, StandardCharsets.US_ASCII).trim().toCharArray();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
