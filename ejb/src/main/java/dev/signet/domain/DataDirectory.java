package dev.signet.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code ${jboss.server.data.dir}/signet}: where an installation keeps what is its own (the
 * embedded database, the generated TLS key pair, the first-boot recovery file). Readable by the
 * server's user only. WildFly's key manager writes the generated key pair here but does not
 * create the folder, so the core makes sure it exists.
 */
public final class DataDirectory {
    private DataDirectory() {
    }

    public static Path path() {
        String serverData = System.getProperty("jboss.server.data.dir");
        if (serverData == null) {
            throw new IllegalStateException("jboss.server.data.dir is not set: not running in WildFly?");
        }
        return Path.of(serverData, "signet");
    }

    /** Creates the folder if it is missing, owner-only where the file system has POSIX permissions. */
    public static Path ensure(Path dir) {
        try {
            Files.createDirectories(dir);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Signet's data directory " + dir, e);
        }
    }
}
