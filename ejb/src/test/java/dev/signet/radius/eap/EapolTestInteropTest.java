package dev.signet.radius.eap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * wpa_supplicant's eapol_test (Debian package eapoltest, installed by .ci/run) against
 * {@link EapServer} behind a minimal RADIUS harness: a real supplicant on OpenSSL, which also
 * checks that the MS-MPPE keys match the MSK it derived itself (its default).
 */
class EapolTestInteropTest {
    private static final String SHARED = "harness-shared-secret";

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

    /** Runs eapol_test with one network block; answers its exit code (0: authenticated and the MPPE keys matched). */
    static int eapolTest(String network) throws Exception {
        Path conf = Files.createTempFile(dir, "eapol", ".conf");
        Files.writeString(conf, "network={\n  key_mgmt=WPA-EAP\n  ca_cert=\"" + caCert + "\"\n" + network + "\n}\n");
        try (RadiusHarness radius = new RadiusHarness(new EapServer(EapServerTest.ecChain, EapServerTest.ecKey), EapServerTest.SECRETS, SHARED)) {
            Path log = Files.createTempFile(dir, "eapol", ".log");
            Process process = new ProcessBuilder("eapol_test", "-c", conf.toString(), "-a", "127.0.0.1", "-p", String.valueOf(radius.port()),
                    "-s", SHARED, "-t", "20", "-r", "0")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(process.waitFor(40, TimeUnit.SECONDS), "eapol_test finished");
            if (process.exitValue() != 0 && System.getenv("EAPOL_DEBUG") != null) {
                System.out.println(Files.readString(log));
            }
            return process.exitValue();
        }
    }

    static String peap(String password, String phase1) {
        return "  eap=PEAP\n  identity=\"alice\"\n  anonymous_identity=\"anonymous\"\n  password=\"" + password + "\"\n"
                + "  phase1=\"peapver=0 " + phase1 + "\"\n  phase2=\"auth=MSCHAPV2\"";
    }

    static String ttls(String inner, String password, String phase1) {
        return "  eap=TTLS\n  identity=\"alice\"\n  anonymous_identity=\"anonymous\"\n  password=\"" + password + "\"\n"
                + "  phase1=\"" + phase1 + "\"\n  phase2=\"auth=" + inner + "\"";
    }

    private static final String TLS12 = "tls_disable_tlsv1_3=1";

    @Test
    void peapMsChapV2SucceedsWithMatchingMppeKeysOverTls12() throws Exception {
        assertEquals(0, eapolTest(peap("ABCDE-FGHIJ-KLMNO-PQRST", TLS12)));
    }

    @Test
    void ttlsPapAndMsChapV2SucceedOverTls12() throws Exception {
        for (String inner : List.of("PAP", "MSCHAPV2")) {
            assertEquals(0, eapolTest(ttls(inner, "ABCDE-FGHIJ-KLMNO-PQRST", TLS12)), inner);
        }
    }

    /**
     * eapol_test 2.10 keeps TLS 1.3 off for PEAP and TTLS whatever phase1 says (only EAP-TLS may
     * use it there), so TLS 1.3 is proved by the in-process supplicant in {@link EapServerTest};
     * here: a supplicant held below TLS 1.2 is refused.
     */
    @Test
    void tlsBelow12IsRefused() throws Exception {
        assertNotEquals(0, eapolTest(peap("ABCDE-FGHIJ-KLMNO-PQRST", "tls_disable_tlsv1_2=1")));
    }

    @Test
    void eapMsChapV2Succeeds() throws Exception {
        assertEquals(0, eapolTest("  eap=MSCHAPV2\n  identity=\"alice\"\n  password=\"ABCDE-FGHIJ-KLMNO-PQRST\""));
    }

    @Test
    void aWrongSecretFailsEveryMethod() throws Exception {
        assertNotEquals(0, eapolTest(peap("wrong", TLS12)));
        assertNotEquals(0, eapolTest(ttls("PAP", "wrong", TLS12)));
        assertNotEquals(0, eapolTest(ttls("MSCHAPV2", "wrong", TLS12)));
    }
}
