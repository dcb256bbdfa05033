package dev.signet.ldap.adapter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.wildfly.security.x500.GeneralName;
import org.wildfly.security.x500.cert.SelfSignedX509CertificateAndSigningKey;
import org.wildfly.security.x500.cert.SubjectAlternativeNamesExtension;

/**
 * The key pair of a fresh installation: a self-signed certificate that names every name a client
 * uses to reach the server, {@code signet.domain} (also its CN), the machine's host name,
 * {@code localhost}, {@code 127.0.0.1}, {@code ::1} and a specific bind address. Clients match the
 * subjectAltNames, never the CN (RFC 6125 6.4.4), so without them {@code curl --cacert} on
 * 127.0.0.1 or {@code ldapsearch} with {@code LDAPTLS_CACERT} refuse the certificate even when
 * told to trust it. Elytron's own generate-self-signed-certificate-host writes a CN only; its
 * certificate builder (the server's module {@code org.wildfly.security.elytron}) makes this one.
 */
final class SelfSignedCertificate {
    static final String ALIAS = "server";
    /** Long, because nothing renews it: delete tls.p12 and restart for a new one. */
    private static final Duration VALIDITY = Duration.ofDays(5 * 365);
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

    private SelfSignedCertificate() {
    }

    /**
     * The names the certificate carries, each once, the domain first.
     *
     * @param hostName the machine's host name, or null when it has none
     * @param bindAddress the address the listeners bind to; a wildcard adds nothing
     */
    static List<GeneralName> names(String domain, String hostName, String bindAddress) {
        Set<String> names = new LinkedHashSet<>();
        names.add(domain.toLowerCase(Locale.ROOT));
        if (hostName != null && !hostName.isBlank()) {
            names.add(hostName.toLowerCase(Locale.ROOT));
        }
        names.add("localhost");
        names.add("127.0.0.1");
        names.add("::1");
        if (bindAddress != null && !bindAddress.equals("0.0.0.0") && !bindAddress.equals("::")) {
            names.add(bindAddress);
        }
        List<GeneralName> general = new ArrayList<>();
        for (String name : names) {
            general.add(IP_LITERAL.matcher(name).matches() ? new GeneralName.IPAddress(name) : new GeneralName.DNSName(name));
        }
        return general;
    }

    /** Writes a new key pair into {@code keyStore} (PKCS#12, owner-only), replacing nothing that is there. */
    static void write(Path keyStore, char[] password, List<GeneralName> names) throws IOException, GeneralSecurityException {
        String commonName = names.get(0).getName().toString();
        ZonedDateTime now = ZonedDateTime.now();
        SelfSignedX509CertificateAndSigningKey pair = SelfSignedX509CertificateAndSigningKey.builder()
                .setDn(new X500Principal("CN=" + commonName))
                // P-256: every TLS 1.2 and 1.3 client takes it, and it is made in milliseconds
                .setKeyAlgorithmName("EC")
                .setKeySize(256)
                .setSignatureAlgorithmName("SHA256withECDSA")
                .setNotValidBefore(now.minusMinutes(5))
                .setNotValidAfter(now.plus(VALIDITY))
                .addExtension(new SubjectAlternativeNamesExtension(false, names))
                .build();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        store.setKeyEntry(ALIAS, pair.getSigningKey(), password, new Certificate[] {pair.getSelfSignedCertificate()});
        Files.createDirectories(keyStore.getParent());
        // written aside and moved in whole, so a reader never sees half a key store
        Path partial = Files.createTempFile(keyStore.getParent(), "tls", ".p12.partial",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                store.store(out, password);
            }
            Files.move(partial, keyStore, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
