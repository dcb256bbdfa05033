package dev.signet.radius;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.radius.eap.EapServerTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wildfly.security.x500.cert.SelfSignedX509CertificateAndSigningKey;

class EapTlsIdentityTest {
    private static final Base64.Encoder PEM = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    @TempDir
    Path dir;

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + PEM.encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    @Test
    void pemFilesGiveTheirChainAndKeyForEcAndRsa() throws Exception {
        for (String[] kind : new String[][] {{"EC", "256", "SHA256withECDSA"}, {"RSA", "2048", "SHA256withRSA"}}) {
            SelfSignedX509CertificateAndSigningKey pair = EapServerTest.pair(kind[0], Integer.parseInt(kind[1]), kind[2]);
            Path certificate = Files.writeString(dir.resolve(kind[0] + ".crt"), pem("CERTIFICATE", pair.getSelfSignedCertificate().getEncoded()));
            Path key = Files.writeString(dir.resolve(kind[0] + ".key"), pem("PRIVATE KEY", pair.getSigningKey().getEncoded()));
            EapTlsIdentity identity = EapTlsIdentity.fromPem(certificate, key);
            assertEquals(pair.getSelfSignedCertificate(), identity.chain()[0]);
            assertArrayEquals(pair.getSigningKey().getEncoded(), identity.key().getEncoded());
            assertFalse(identity.toString().contains(Base64.getEncoder().encodeToString(pair.getSigningKey().getEncoded())));
        }
    }

    @Test
    void aKeyInAnotherFormIsRefusedWithWhatToDo() throws Exception {
        SelfSignedX509CertificateAndSigningKey pair = EapServerTest.pair("EC", 256, "SHA256withECDSA");
        Path certificate = Files.writeString(dir.resolve("c.crt"), pem("CERTIFICATE", pair.getSelfSignedCertificate().getEncoded()));
        Path key = Files.writeString(dir.resolve("k.key"), pem("EC PRIVATE KEY", new byte[] {1, 2, 3}));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> EapTlsIdentity.fromPem(certificate, key));
        assertTrue(refused.getMessage().contains("openssl pkcs8"), refused.getMessage());
    }

    @Test
    void theServersKeyStoreGivesItsKeyEntry() throws Exception {
        SelfSignedX509CertificateAndSigningKey pair = EapServerTest.pair("EC", 256, "SHA256withECDSA");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "store-password".toCharArray();
        store.setKeyEntry("server", pair.getSigningKey(), password, new Certificate[] {pair.getSelfSignedCertificate()});
        try (var out = Files.newOutputStream(dir.resolve("tls.p12"))) {
            store.store(out, password);
        }
        Files.writeString(dir.resolve("tls-keystore.password"), "store-password\n");
        EapTlsIdentity identity = EapTlsIdentity.serverKeyPair(dir);
        assertEquals(pair.getSelfSignedCertificate(), identity.chain()[0]);
        assertArrayEquals(pair.getSigningKey().getEncoded(), identity.key().getEncoded());
    }
}
