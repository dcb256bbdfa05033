package dev.signet.domain;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Keeps the server's own files from other users of the machine, at every boot: the
 * configuration ({@code standalone-ha.xml} holds the H2 and key-store passwords, its history
 * copies too) owner-only, the logs (which name accounts and addresses) readable by the owner's
 * group at most. A server started by {@code standalone.sh} already creates its files so
 * ({@code configure.sh} sets umask 027 in {@code standalone.conf}); one started otherwise (a
 * service manager, the test container) inherits another umask, and the log handlers create
 * their files before any deployment runs, so the modes are set here as well. Files created
 * later (a rotated log, a saved configuration) are covered by their folder's mode.
 */
@PermitAll
@Startup
@Singleton
public class ServerFileModes {
    private static final Logger LOG = Logger.getLogger(ServerFileModes.class.getName());
    static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> GROUP_DIR = PosixFilePermissions.fromString("rwxr-x---");
    static final Set<PosixFilePermission> GROUP_FILE = PosixFilePermissions.fromString("rw-r-----");

    @PostConstruct
    void restrict() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        restrict(System.getProperty("jboss.server.config.dir"), OWNER_DIR, OWNER_FILE);
        restrict(System.getProperty("jboss.server.log.dir"), GROUP_DIR, GROUP_FILE);
    }

    private static void restrict(String dir, Set<PosixFilePermission> dirMode, Set<PosixFilePermission> fileMode) {
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            return;
        }
        try (Stream<Path> tree = Files.walk(Path.of(dir))) {
            tree.forEach(path -> {
                try {
                    if (Files.isDirectory(path)) {
                        Files.setPosixFilePermissions(path, dirMode);
                    } else if (Files.isRegularFile(path)) {
                        Files.setPosixFilePermissions(path, fileMode);
                    }
                } catch (IOException e) {
                    LOG.warning(() -> "cannot restrict the mode of " + path + ": " + e);
                }
            });
        } catch (IOException e) {
            LOG.warning(() -> "cannot restrict the modes under " + dir + ": " + e);
        }
    }
}
