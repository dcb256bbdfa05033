package dev.signet.domain;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Collections;

/**
 * The certificate chain every listener serves (HTTPS, LDAPS), from {@code data/signet/tls.p12},
 * as PEM: what a client is given to trust. It is public, so anyone may have it. The key pair
 * itself is the LDAP adapter's to generate; this only reads the certificates beside the key.
 */
// the certificate is public: no access check
@PermitAll
@Stateless
public class ServerCertificate {
    private static final Base64.Encoder PEM_BODY = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    /** The chain, leaf first, in PEM ({@code -----BEGIN CERTIFICATE-----} blocks). */
    public String pem() {
        Path data = DataDirectory.path();
        Path file = data.resolve("tls.p12");
        try {
            char[] password = Files.readString(passwordFile(data), StandardCharsets.US_ASCII).trim().toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            }
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    StringBuilder pem = new StringBuilder();
                    for (Certificate certificate : store.getCertificateChain(alias)) {
                        pem.append("-----BEGIN CERTIFICATE-----\n")
                                .append(PEM_BODY.encodeToString(certificate.getEncoded()))
                                .append("\n-----END CERTIFICATE-----\n");
                    }
                    return pem.toString();
                }
            }
            throw new IllegalStateException("no key pair in " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open " + file + ": " + e, e);
        }
    }

    /** configure.sh writes it into the installation's data dir, which a server base dir may have been copied from. */
    private static Path passwordFile(Path data) {
        Path own = data.resolve("tls-keystore.password");
        if (Files.isRegularFile(own)) {
            return own;
        }
        return Path.of(System.getProperty("jboss.home.dir", "."), "standalone", "data", "signet", "tls-keystore.password");
    }
}
