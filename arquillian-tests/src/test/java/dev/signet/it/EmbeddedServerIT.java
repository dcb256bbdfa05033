package dev.signet.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The provisioned server on its embedded default (H2 file database, self-signed TLS). */
@ExtendWith(ArquillianExtension.class)
class EmbeddedServerIT {
    private final SignetServer server = new SignetServer();

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    @Test
    void statusIsTrueOverHttps() throws Exception {
        HttpResponse<String> response = server.get("/status");
        assertEquals(200, response.statusCode());
        assertEquals("true", response.body());
    }

    @Test
    void plainHttpRedirectsToHttps() throws Exception {
        HttpResponse<String> response = server.get(SignetServer.HTTP, "/status");
        assertEquals(308, response.statusCode(), "permanent (TransportSecurityIT has the rest)");
        assertEquals("https://localhost:8443/status", response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void healthChecksReportUpInMicroProfileShape() throws Exception {
        HttpResponse<String> ready = server.get("/health/ready");
        assertEquals(200, ready.statusCode());
        assertEquals("{\"status\":\"UP\",\"checks\":[{\"name\":\"signet-database\",\"status\":\"UP\"},"
                + "{\"name\":\"signet-deployment\",\"status\":\"UP\"}]}", ready.body());
        HttpResponse<String> live = server.get("/health/live");
        assertEquals(200, live.statusCode());
        assertTrue(live.body().startsWith("{\"status\":\"UP\""), live.body());
    }

    @Test
    void firstBootGeneratedTheServedKeyPairForTheDomainInTheDataDir() throws Exception {
        assertEquals(200, server.get("/status").statusCode());
        X509Certificate served = server.presentedChain()[0];
        assertEquals("CN=localhost", served.getSubjectX500Principal().getName());

        Path keyStoreFile = SignetServer.baseDir().resolve("data/signet/tls.p12");
        assertTrue(Files.isRegularFile(keyStoreFile), "key store written to " + keyStoreFile);
        char[] password = Files.readString(SignetServer.installation().resolve("standalone/data/signet/tls-keystore.password"))
                .trim().toCharArray();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStoreFile)) {
            keyStore.load(in, password);
        }
        String alias = Collections.list(keyStore.aliases()).get(0);
        assertNotNull(keyStore.getKey(alias, password), "the private key is in the file too");
        assertArrayEquals(keyStore.getCertificate(alias).getEncoded(), served.getEncoded(),
                "HTTPS serves the key pair stored in the data dir (the one the adapters read)");
    }

    @Test
    void embeddedDefaultKeepsItsDatabaseInTheDataDir() throws Exception {
        assertEquals("true", server.get("/status").body());
        Path database = SignetServer.baseDir().resolve("data/signet/signet.mv.db");
        assertTrue(Files.size(database) > 0, "H2 database file at " + database);
    }
}
