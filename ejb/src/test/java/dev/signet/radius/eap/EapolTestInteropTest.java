package dev.signet.radius.eap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * wpa_supplicant's eapol_test (Debian package eapoltest, installed by .ci/run) against
 * {@link EapServer} behind a minimal RADIUS harness: a real supplicant on OpenSSL, which also
 * checks that the MS-MPPE keys match the MSK it derived itself (its default). It runs through
 * the same script and network blocks the RADIUS integration tests use
 * ({@code arquillian-tests/src/test/eapol/}), which this proves too.
 */
class EapolTestInteropTest {
    private static final String SHARED = "harness-shared-secret";
    private static final String SECRET = "ABCDE-FGHIJ-KLMNO-PQRST";
    private static final Path EAPOL = Path.of("..", "arquillian-tests", "src", "test", "eapol").toAbsolutePath().normalize();

    @TempDir
    static Path dir;
    static Path caCert;

    @BeforeAll
    static void certificate() throws Exception {
        EapServerTest.keys();
        caCert = dir.resolve("server.pem");
        Files.writeString(caCert, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(EapServerTest.ecChain[0].getEncoded())
                + "\n-----END CERTIFICATE-----\n");
    }

    /** run-eapol-test.sh with one of its network blocks; answers the exit code (0: authenticated, MPPE keys matched). */
    static int script(String method, String password) throws Exception {
        return run(List.of("bash", EAPOL.resolve("run-eapol-test.sh").toString(), method, "alice", password, SHARED, caCert.toString(),
                "127.0.0.1"));
    }

    /** eapol_test with a network block of its own. */
    static int eapolTest(String network) throws Exception {
        Path conf = Files.createTempFile(dir, "eapol", ".conf");
        Files.writeString(conf, "network={\n  key_mgmt=WPA-EAP\n  ca_cert=\"" + caCert + "\"\n" + network + "\n}\n");
        return run(List.of("eapol_test", "-c", conf.toString(), "-a", "127.0.0.1", "-s", SHARED, "-t", "20", "-r", "0"));
    }

    private static int run(List<String> command) throws Exception {
        try (RadiusHarness radius = new RadiusHarness(new EapServer(EapServerTest.ecChain, EapServerTest.ecKey), EapServerTest.SECRETS, SHARED)) {
            List<String> withPort = new ArrayList<>(command);
            if (command.get(0).equals("bash")) {
                withPort.add(String.valueOf(radius.port()));
            } else {
                withPort.addAll(List.of("-p", String.valueOf(radius.port())));
            }
            Path log = Files.createTempFile(dir, "eapol", ".log");
            Process process = new ProcessBuilder(withPort).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(process.waitFor(40, TimeUnit.SECONDS), "eapol_test finished");
            if (process.exitValue() != 0 && System.getenv("EAPOL_DEBUG") != null) {
                System.out.println(Files.readString(log));
            }
            return process.exitValue();
        }
    }

    @Test
    void peapMsChapV2SucceedsWithMatchingMppeKeys() throws Exception {
        assertEquals(0, script("peap-mschapv2", SECRET));
    }

    @Test
    void ttlsPapSucceeds() throws Exception {
        assertEquals(0, script("ttls-pap", SECRET));
    }

    @Test
    void ttlsMsChapV2Succeeds() throws Exception {
        assertEquals(0, script("ttls-mschapv2", SECRET));
    }

    @Test
    void eapMsChapV2Succeeds() throws Exception {
        assertEquals(0, script("eap-mschapv2", SECRET));
    }

    @Test
    void aWrongSecretFailsEveryMethod() throws Exception {
        for (String method : List.of("peap-mschapv2", "ttls-pap", "ttls-mschapv2", "eap-mschapv2")) {
            assertNotEquals(0, script(method, "ABCDE-FGHIJ-KLMNO-PQRSU"), method);
        }
    }

    /**
     * eapol_test 2.10 keeps TLS 1.3 off for PEAP and TTLS whatever phase1 says (only EAP-TLS may
     * use it there), so TLS 1.3 is proved by the in-process supplicant in {@link EapServerTest};
     * here: a supplicant held below TLS 1.2 is refused.
     */
    @Test
    void tlsBelow12IsRefused() throws Exception {
        assertNotEquals(0, eapolTest("  eap=PEAP\n  identity=\"alice\"\n  password=\"" + SECRET + "\"\n"
                + "  phase1=\"peapver=0 tls_disable_tlsv1_2=1\"\n  phase2=\"auth=MSCHAPV2\""));
    }
}
