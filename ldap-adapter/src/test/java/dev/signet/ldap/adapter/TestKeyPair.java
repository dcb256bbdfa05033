package dev.signet.ldap.adapter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A throwaway key pair for localhost, laid out as a server's data directory has it (tls.p12 and its password file). */
final class TestKeyPair {
    private TestKeyPair() {
    }

    static ServerKeyMaterial make(String prefix) throws Exception {
        Path dir = Files.createTempDirectory(prefix);
        Path store = dir.resolve("tls.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "tls", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "store-secret", "-keypass", "store-secret")
                .redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0);
        Files.writeString(dir.resolve("tls-keystore.password"), "store-secret\n");
        return new ServerKeyMaterial(store, dir.resolve("tls-keystore.password"));
    }
}
