package dev.signet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS on every listener as real clients see it: {@code openssl s_client} per protocol and suite on
 * HTTPS (8443) and LDAPS (3636); the security headers; HTTP sent permanently to HTTPS; and the
 * generated certificate, exported from {@code /ca.pem}, trusted as is by curl, ldapsearch and a
 * Java LDAP client that checks the host name.
 */
@ExtendWith(ArquillianExtension.class)
class TransportSecurityIT {
    private static final int HTTPS = 8443;
    private static final int LDAPS = 3636;
    private static final List<Integer> LISTENERS = List.of(HTTPS, LDAPS);

    private final SignetServer server = new SignetServer();

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    @Test
    void everyListenerNegotiatesTls13() throws Exception {
        for (int port : LISTENERS) {
            OpenSsl.Handshake tls13 = OpenSsl.handshake(port, "-tls1_3");
            assertEquals("TLSv1.3", tls13.protocol(), port + ": " + tls13.output());
        }
    }

    @Test
    void everyListenerNegotiatesTls12WithEcdheAndAead() throws Exception {
        for (int port : LISTENERS) {
            for (String suites : List.of("ECDHE+AESGCM", "ECDHE+CHACHA20")) {
                OpenSsl.Handshake tls12 = OpenSsl.handshake(port, "-tls1_2", "-cipher", suites);
                assertEquals("TLSv1.2", tls12.protocol(), port + " " + suites + ": " + tls12.output());
                assertTrue(tls12.suite().startsWith("ECDHE-"), tls12.suite());
            }
        }
    }

    @Test
    void everyListenerRefusesStaticRsaCbcAndSha1Suites() throws Exception {
        // static RSA key exchange (with CBC/SHA-1 and with GCM), then ECDHE with CBC and SHA-1 or SHA-2 MACs
        List<String> refused = List.of("AES256-SHA", "AES128-GCM-SHA256:AES256-GCM-SHA384",
                "ECDHE-ECDSA-AES128-SHA:ECDHE-RSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA:ECDHE-RSA-AES256-SHA",
                "ECDHE-ECDSA-AES128-SHA256:ECDHE-RSA-AES128-SHA256:ECDHE-ECDSA-AES256-SHA384:ECDHE-RSA-AES256-SHA384");
        for (int port : LISTENERS) {
            for (String suites : refused) {
                OpenSsl.Handshake handshake = OpenSsl.handshake(port, "-tls1_2", "-cipher", suites);
                assertFalse(handshake.succeeded(), port + " accepted " + suites + ": " + handshake.output());
            }
        }
    }

    @Test
    void everyListenerRefusesTls11() throws Exception {
        for (int port : LISTENERS) {
            // the client's own floor lowered, so that the refusal is the server's
            OpenSsl.Handshake tls11 = OpenSsl.handshake(port, "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0");
            assertFalse(tls11.succeeded(), port + ": " + tls11.output());
        }
    }

    @Test
    void httpsAnswersCarryHstsAndNosniff() throws Exception {
        for (String path : List.of("/status", "/v1/self", "/no/such/page")) {
            HttpResponse<String> response = server.get(path);
            assertEquals("max-age=31536000", response.headers().firstValue("Strict-Transport-Security").orElse(null), path);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), path);
        }
    }

    @Test
    void plainHttpIsSentPermanentlyToTheSameUrlOnHttps() throws Exception {
        for (String path : List.of("/status?probe=1", "/v1/person", "/no/such/page")) {
            HttpResponse<String> response = server.get(SignetServer.HTTP, path);
            assertEquals(308, response.statusCode(), path);
            assertEquals("https://localhost:8443" + path, response.headers().firstValue("Location").orElseThrow());
            assertTrue(response.headers().firstValue("Strict-Transport-Security").isEmpty(), "HSTS is for HTTPS answers only (RFC 6797 7.2)");
        }
    }

    /** WildFly sends /console to its management console over plain HTTP; Signet's server does not. */
    @Test
    void consoleIsNoRedirectToTheManagementConsole() throws Exception {
        HttpResponse<String> response = server.get("/console");
        assertEquals(404, response.statusCode(), "no redirect: " + response.headers().map());
        assertTrue(response.headers().firstValue("Location").isEmpty());
    }

    @Test
    void theCertificateNamesTheDomainTheHostAndTheLoopbackAddresses() throws Exception {
        X509Certificate certificate = exported();
        List<String> names = new ArrayList<>();
        for (List<?> name : certificate.getSubjectAlternativeNames()) {
            names.add(name.get(1).toString());
        }
        String hostName = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
        for (String expected : List.of("localhost", hostName, "127.0.0.1", "0:0:0:0:0:0:0:1")) {
            assertTrue(names.contains(expected), expected + " in " + names);
        }
        assertEquals("CN=localhost", certificate.getSubjectX500Principal().getName(), "the domain (signet.domain, localhost here)");
    }

    @Test
    void curlTrustsTheExportedCertificateOnTheLoopbackAddressAndLocalhost(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("signet.pem");
        Files.writeString(pem, exportedPem());
        for (String host : List.of("127.0.0.1", "localhost")) {
            Process curl = new ProcessBuilder("curl", "-sS", "--cacert", pem.toString(), "https://" + host + ":8443/status")
                    .redirectErrorStream(true).start();
            String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(curl.waitFor(30, TimeUnit.SECONDS));
            assertEquals("true", out, host);
        }
    }

    @Test
    void ldapsearchTrustsTheExportedCertificate(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("signet.pem");
        Files.writeString(pem, exportedPem());
        ProcessBuilder ldapsearch = new ProcessBuilder("ldapsearch", "-LLL", "-x", "-H", "ldaps://127.0.0.1:3636", "-b", "", "-s", "base",
                "namingContexts").redirectErrorStream(true);
        Map<String, String> env = ldapsearch.environment();
        env.put("LDAPTLS_CACERT", pem.toString());
        env.put("LDAPTLS_REQCERT", "demand");
        Process process = ldapsearch.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        assertTrue(out.contains("namingContexts: dc=localhost"), out);
    }

    @Test
    void javaLdapsVerifiesTheHostNameAgainstTheExportedCertificate(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("signet.pem");
        Files.writeString(pem, exportedPem());
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(false));
        SSLUtil tls = new SSLUtil(new PEMFileTrustManager(pem.toFile()));
        for (String host : List.of("127.0.0.1", "localhost")) {
            try (LDAPConnection ldap = new LDAPConnection(tls.createSSLSocketFactory(), options, host, LDAPS)) {
                assertTrue(ldap.getRootDSE().getNamingContextDNs().length > 0, host);
            }
        }
    }

    @Test
    void theExportedCertificateIsTheOneEveryListenerServes() throws Exception {
        X509Certificate exported = exported();
        assertEquals(200, server.get("/status").statusCode());
        assertEquals(exported, server.presentedChain()[0], "HTTPS");
        SSLContext trustingAny = new SSLUtil(new TrustAllTrustManager()).createSSLContext();
        try (SSLSocket ldaps = (SSLSocket) trustingAny.getSocketFactory().createSocket("127.0.0.1", LDAPS)) {
            ldaps.startHandshake();
            assertEquals(exported, ldaps.getSession().getPeerCertificates()[0], "LDAPS");
        }
    }

    private String exportedPem() throws Exception {
        HttpResponse<String> response = server.get("/ca.pem");
        assertEquals(200, response.statusCode(), "unauthenticated: the certificate is public");
        assertEquals("application/x-pem-file", response.headers().firstValue("Content-Type").orElseThrow());
        return response.body();
    }

    private X509Certificate exported() throws Exception {
        return certificate(exportedPem());
    }

    private static X509Certificate certificate(String text) throws Exception {
        int begin = text.indexOf("-----BEGIN CERTIFICATE-----");
        int end = text.indexOf("-----END CERTIFICATE-----", begin) + "-----END CERTIFICATE-----".length();
        assertTrue(begin >= 0 && end > begin, text);
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(text.substring(begin, end).getBytes(StandardCharsets.US_ASCII)));
    }
}
