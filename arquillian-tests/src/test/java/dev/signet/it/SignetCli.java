package dev.signet.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The shipped {@code signet} client ({@code bin/signet.sh} of the provisioned server) run as a
 * process, as a shell would: its own HOME (so ~/.cache and ~/.config are the test's), no terminal,
 * secrets on standard input.
 */
final class SignetCli {
    record Result(int code, String out, String err) {
        /** The one line a refusal or a usage error prints. */
        String line() {
            List<String> lines = err.lines().toList();
            if (lines.size() != 1) {
                throw new AssertionError("expected one line on standard error, got " + lines.size() + ":\n" + err);
            }
            return lines.get(0);
        }

        Result expect(int expected) {
            if (code != expected) {
                throw new AssertionError("expected exit code " + expected + " but got " + code + "\nstdout: " + out + "\nstderr: " + err);
            }
            return this;
        }

        Result ok() {
            return expect(0);
        }
    }

    private final Path home;

    SignetCli(Path home) {
        this.home = home;
    }

    Path home() {
        return home;
    }

    static Path launcher() {
        return SignetServer.installation().resolve("bin/signet.sh");
    }

    /**
     * Runs on a terminal: util-linux {@code script} gives the command a pseudo-terminal, with
     * {@code typed} as what is typed on it; standard output and error both come back in {@code out}.
     */
    Result runOnTerminal(String typed, String... args) {
        StringBuilder command = new StringBuilder(quoteForShell(launcher().toString()));
        for (String arg : args) {
            command.append(' ').append(quoteForShell(arg));
        }
        return exec(List.of("script", "-qec", command.toString(), "/dev/null"), null, typed);
    }

    private static String quoteForShell(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    Result run(String... args) {
        return withInput("", args);
    }

    /** Runs with {@code stdin} as standard input (e.g. a password and a newline). */
    Result withInput(String stdin, String... args) {
        return interact(null, stdin, args);
    }

    /**
     * Runs, writes {@code stdin}, and when {@code answer} gives text for the first line of standard
     * output, writes that too (an app's code for a secret the command just printed).
     */
    Result interact(Function<String, String> answer, String stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(List.of(args));
        return exec(command, answer, stdin);
    }

    private Result exec(List<String> command, Function<String, String> answer, String stdin) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("SIGNET_") || k.startsWith("XDG_"));
        env.put("HOME", home.toString());
        try {
            Path err = Files.createTempFile(home, "stderr", ".txt");
            builder.redirectError(err.toFile());
            Process process = builder.start();
            StringBuilder out = new StringBuilder();
            try (OutputStream in = process.getOutputStream();
                 BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
                in.flush();
                if (answer == null) {
                    // all it will get: a prompt for more meets the end of input, not a wait
                    in.close();
                }
                String first = answer == null ? null : reader.readLine();
                if (first != null) {
                    out.append(first).append('\n');
                    String reply = answer.apply(first);
                    if (reply != null) {
                        in.write(reply.getBytes(StandardCharsets.UTF_8));
                    }
                }
                if (answer != null) {
                    in.close();
                }
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    out.append(line).append('\n');
                }
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end in 120 s");
            }
            String errText = Files.readString(err);
            Files.delete(err);
            return new Result(process.exitValue(), out.toString(), errText);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
