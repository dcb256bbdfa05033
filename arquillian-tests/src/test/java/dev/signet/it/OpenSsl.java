package dev.signet.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code openssl s_client}, the reference TLS client, against a port of the server: which
 * protocol and suite a handshake settles on, or that there is none.
 */
final class OpenSsl {
    private static final Pattern PROTOCOL = Pattern.compile("Protocol version: (\\S+)");
    private static final Pattern SUITE = Pattern.compile("Ciphersuite: (\\S+)");

    /** What a handshake agreed, or both null when it failed. */
    record Handshake(String protocol, String suite, String output) {
        boolean succeeded() {
            return protocol != null;
        }
    }

    private OpenSsl() {
    }

    /**
     * @param options s_client options choosing what the client offers, e.g. {@code -tls1_2 -cipher AES256-SHA}
     */
    static Handshake handshake(int port, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-brief", "-connect", "127.0.0.1:" + port,
                "-servername", "localhost"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("openssl s_client did not finish: " + output);
        }
        Matcher protocol = PROTOCOL.matcher(output);
        Matcher suite = SUITE.matcher(output);
        boolean agreed = process.exitValue() == 0 && protocol.find() && suite.find();
        return agreed ? new Handshake(protocol.group(1), suite.group(1), output) : new Handshake(null, null, output);
    }
}
