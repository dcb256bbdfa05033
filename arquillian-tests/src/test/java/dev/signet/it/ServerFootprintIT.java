package dev.signet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the running server leaves open on the machine: the sockets it listens on (only those the
 * README's port table lists), its cluster (closed to a node without the installation's secret),
 * and its files (no secret in the log; configuration for the server's user only, logs for its
 * group at most).
 */
@ExtendWith(ArquillianExtension.class)
class ServerFootprintIT {
    /**
     * The README's port table for the embedded default: HTTPS, HTTP (redirects), management, LDAPS,
     * and JGroups TCP for the cluster; plus plain LDAP, which this test server turns on
     * ({@code -Dsignet.ldap.port=3389} in arquillian.xml).
     */
    private static final Set<Integer> DOCUMENTED_TCP = Set.of(8443, 8080, 9990, 3636, 7600, 3389);

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    @Test
    void theServerListensOnExactlyTheDocumentedTcpPorts() throws Exception {
        assertEquals(new TreeSet<>(DOCUMENTED_TCP), new TreeSet<>(listeningPorts(serverPid(), "tcp", "tcp6")),
                "no AJP (8009), no other listener than those in the README");
    }

    @Test
    void theServerOpensNoUndocumentedUdpSocket() throws Exception {
        Set<Integer> udp = boundPorts(serverPid(), "udp", "udp6");
        assertFalse(udp.contains(23364), "no mod_cluster advertise socket: " + udp);
        udp.remove(1812);
        udp.remove(1813);
        assertTrue(udp.isEmpty(), "only RADIUS (1812, and 1813 for accounting) may use UDP: " + udp);
    }

    @Test
    void aNodeWithoutTheClusterSecretCannotJoinTheCluster() throws Exception {
        Path modules = SignetServer.installation().resolve("modules/system/layers/base");
        Path jgroups = onlyJar(modules.resolve("org/jgroups/main"), "jgroups-");
        // the server's nodes carry Infinispan's version in their addresses and expect it of a peer
        String infinispan = onlyJar(modules.resolve("org/infinispan/core/main"), "infinispan-core-").getFileName().toString()
                .replaceFirst("^infinispan-core-(.*)\\.jar$", "$1");
        int ownPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ownPort = free.getLocalPort();
        }
        Process probe = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-Djava.net.preferIPv4Stack=true",
                "-cp", jgroups.toString(), Path.of("src/test/jgroups/JoinProbe.java").toAbsolutePath().toString(),
                "7600", Integer.toString(ownPort), infinispan).redirectErrorStream(true).start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS), out);
        assertTrue(out.contains("members=1 "), "the probe was let into the cluster (or failed): " + out);
        assertTrue(out.contains("JOIN(probe"), "it asked the server to join (found it): " + out);
    }

    private static Path onlyJar(Path dir, String prefix) throws IOException {
        try (Stream<Path> jars = Files.list(dir)) {
            return jars.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no " + prefix + "*.jar in " + dir));
        }
    }

    @Test
    void theServerLogNamesWhereTheFirstBootPasswordsAreButNotThem() throws Exception {
        Path recovery = SignetServer.baseDir().resolve("data/signet/recovery.txt");
        String log = Files.readString(SignetServer.baseDir().resolve("log/server.log"));
        List<String> passwords = Files.readAllLines(recovery).stream().filter(line -> !line.startsWith("#") && line.contains(": "))
                .map(line -> line.substring(line.indexOf(": ") + 2).trim()).toList();
        assertEquals(2, passwords.size(), "admin and idm_admin");
        for (String password : passwords) {
            assertFalse(log.contains(password), "a first-boot password is in server.log");
        }
        assertTrue(log.contains("First boot: the passwords of admin and idm_admin are in " + recovery), "the log says where they are");
    }

    @Test
    void logsAreForTheServersUserAndGroupOnly() throws Exception {
        Path logs = SignetServer.baseDir().resolve("log");
        assertEquals("rwxr-x---", mode(logs));
        assertEquals("rw-r-----", mode(logs.resolve("server.log")));
        assertEquals("rw-r-----", mode(logs.resolve("signet-audit.log")));
    }

    @Test
    void theConfigurationWithItsPasswordsIsForTheServersUserOnly() throws Exception {
        Path installed = SignetServer.installation().resolve("standalone/configuration");
        assertEquals("rwx------", mode(installed), "as configure.sh leaves it");
        assertEquals("rw-------", mode(installed.resolve("standalone-ha.xml")));
        // the running server rewrites its configuration (a deployment is saved into it) with its
        // process's umask (this test container's is 022, standalone.sh's 027): the folders keep
        // every copy, the history included, from other users whatever the files' modes
        try (Stream<Path> tree = Files.walk(SignetServer.baseDir().resolve("configuration"))) {
            tree.filter(Files::isDirectory).forEach(dir -> assertEquals("rwx------", mode(dir), dir.toString()));
        }
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new AssertionError(path + ": " + e, e);
        }
    }

    private static long serverPid() {
        String base = "-Djboss.server.base.dir=" + SignetServer.baseDir();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(base)).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no server process with " + base)).pid();
    }

    /** TCP ports in LISTEN state (st 0A) on a socket the process holds, from /proc. */
    private static Set<Integer> listeningPorts(long pid, String... tables) throws IOException {
        return ports(pid, "0A", tables);
    }

    /** UDP ports bound by a socket the process holds. */
    private static Set<Integer> boundPorts(long pid, String... tables) throws IOException {
        return ports(pid, null, tables);
    }

    private static Set<Integer> ports(long pid, String state, String... tables) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            });
        }
        Set<Integer> ports = new HashSet<>();
        for (String table : tables) {
            List<String> rows = Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", table));
            for (String row : rows.subList(1, rows.size())) {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                String[] fields = row.trim().split("\\s+");
                String local = fields[1];
                if ((state == null || fields[3].equals(state)) && inodes.contains(fields[9])) {
                    ports.add(Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }
}
