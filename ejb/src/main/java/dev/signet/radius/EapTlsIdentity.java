package dev.signet.radius;

import dev.signet.domain.DataDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The certificate and key the outer TLS of PEAP and EAP-TTLS presents: by default Signet's own
 * key pair ({@code data/signet/tls.p12}, the one HTTPS and LDAPS serve, so a laptop trusts the
 * same {@code /ca.pem}); or, when {@code signet.radius.tls.certificate} (PEM chain, leaf first)
 * and {@code signet.radius.tls.key} (PEM PKCS#8 key, EC or RSA, unencrypted) are set, those
 * files, for sites whose Wi-Fi certificate comes from another CA than the web's. Every node of a
 * cluster must present the same pair, or a conversation replayed on another node is refused.
 */
record EapTlsIdentity(X509Certificate[] chain, PrivateKey key) {
    static final String CERTIFICATE_PROPERTY = "signet.radius.tls.certificate";
    static final String KEY_PROPERTY = "signet.radius.tls.key";
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    static EapTlsIdentity load() {
        String certificate = System.getProperty(CERTIFICATE_PROPERTY);
        String key = System.getProperty(KEY_PROPERTY);
        if (certificate != null && !certificate.isBlank() || key != null && !key.isBlank()) {
            if (certificate == null || certificate.isBlank() || key == null || key.isBlank()) {
                throw new IllegalStateException(CERTIFICATE_PROPERTY + " and " + KEY_PROPERTY + " go together: set both or neither");
            }
            return fromPem(Path.of(certificate), Path.of(key));
        }
        return serverKeyPair(DataDirectory.path());
    }

    static EapTlsIdentity fromPem(Path certificateFile, Path keyFile) {
        try {
            X509Certificate[] chain;
            try (InputStream in = Files.newInputStream(certificateFile)) {
                chain = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                        .map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
            }
            if (chain.length == 0) {
                throw new IllegalStateException("no certificate in " + certificateFile);
            }
            Matcher pem = PEM.matcher(Files.readString(keyFile, StandardCharsets.US_ASCII));
            if (!pem.find() || !pem.group(1).equals("PRIVATE KEY")) {
                throw new IllegalStateException(keyFile + " holds no unencrypted PKCS#8 key (\"BEGIN PRIVATE KEY\"; "
                        + "openssl pkcs8 -topk8 -nocrypt converts one)");
            }
            byte[] der = Base64.getMimeDecoder().decode(pem.group(2));
            String algorithm = chain[0].getPublicKey().getAlgorithm();
            PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            return new EapTlsIdentity(chain, key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the RADIUS TLS certificate or key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable RADIUS TLS certificate or key: " + e.getMessage(), e);
        }
    }

    /** The key pair the LDAP adapter generated on a fresh install (or the operator put there). */
    static EapTlsIdentity serverKeyPair(Path data) {
        Path file = data.resolve("tls.p12");
        Path passwordFile = data.resolve("tls-keystore.password");
        if (!Files.isRegularFile(passwordFile)) {
            passwordFile = Path.of(System.getProperty("jboss.home.dir", "."), "standalone", "data", "signet", "tls-keystore.password");
        }
        try {
            char[] password = Files.readString(passwordFile, StandardCharsets.US_ASCII).trim().toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            }
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Certificate[] certificates = store.getCertificateChain(alias);
                    X509Certificate[] chain = new X509Certificate[certificates.length];
                    for (int i = 0; i < chain.length; i++) {
                        chain[i] = (X509Certificate) certificates[i];
                    }
                    return new EapTlsIdentity(chain, (PrivateKey) store.getKey(alias, password));
                }
            }
            throw new IllegalStateException("no key pair in " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "EapTlsIdentity[" + chain[0].getSubjectX500Principal() + "]"; // never the key
    }
}
