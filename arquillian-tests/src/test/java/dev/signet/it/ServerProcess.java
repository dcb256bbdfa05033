package dev.signet.it;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server JVM the container started, found by its base dir: killed with SIGKILL (no shutdown
 * hooks, no transaction completion) and started again with the very same command line, which
 * redeploys what the container had deployed. The new process stops (SIGTERM, a clean shutdown)
 * when the test JVM exits.
 */
final class ServerProcess {
    private ServerProcess() {
    }

    static void killAndRestart() throws IOException, InterruptedException {
        String base = SignetServer.baseDir().toString();
        ProcessHandle server = ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains("-Djboss.server.base.dir=" + base)).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no server process with base dir " + base));
        List<String> command = new ArrayList<>();
        command.add(server.info().command().orElseThrow());
        command.addAll(List.of(server.info().arguments().orElseThrow()));
        server.destroyForcibly();
        server.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        Process restarted = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of(base, "log", "restarted-console.log").toFile()).start();
        // the container stops only the process it started; this one stops when the test JVM ends
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            restarted.destroy();
            try {
                restarted.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        SignetServer probe = new SignetServer();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> ready = probe.get("/health/ready");
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not come back within 180 s");
    }
}
