package dev.signet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCacheTest {
    private static final String SERVER = "https://idm.example.com";

    @TempDir
    Path home;

    /** A token shaped like the server's (a JWS); only its exp claim matters to the cache. */
    static String jwt(Instant exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"sub\":\"x\",\"exp\":" + exp.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void tokensAreKeptPerServerAndNameInAFileOnlyTheOwnerReads() throws Exception {
        TokenCache cache = new TokenCache(home.resolve("signet"));
        String alice = jwt(Instant.now().plusSeconds(3600));
        String bob = jwt(Instant.now().plusSeconds(3600));
        cache.store(SERVER, "alice", alice);
        cache.store(SERVER, "bob", bob);
        cache.store("https://other.example.com", "alice", bob);
        assertEquals(Optional.of(alice), cache.token(SERVER, "alice"));
        assertEquals(Optional.of(bob), cache.token(SERVER, "bob"));
        assertEquals(Optional.of(bob), cache.token("https://other.example.com", "alice"));
        assertEquals(Optional.of("bob"), cache.lastName(SERVER));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("signet"))));
        try (var files = Files.list(home.resolve("signet"))) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void anExpiredTokenIsNotUsedAndGoesAtTheNextWrite() throws Exception {
        TokenCache cache = new TokenCache(home.resolve("signet"));
        String old = jwt(Instant.now().minusSeconds(5));
        cache.store(SERVER, "alice", old);
        assertEquals(Optional.empty(), cache.token(SERVER, "alice"));
        cache.store(SERVER, "bob", jwt(Instant.now().plusSeconds(60)));
        assertFalse(Files.readString(cache.file()).contains(old));
    }

    @Test
    void forgettingANameKeepsTheOthers() {
        TokenCache cache = new TokenCache(home.resolve("signet"));
        cache.store(SERVER, "alice", jwt(Instant.now().plusSeconds(60)));
        cache.store(SERVER, "bob", jwt(Instant.now().plusSeconds(60)));
        cache.forget(SERVER, "bob");
        assertEquals(Optional.empty(), cache.token(SERVER, "bob"));
        assertTrue(cache.token(SERVER, "alice").isPresent());
        assertEquals(Optional.empty(), cache.lastName(SERVER), "the last name was the one forgotten");
    }

    @Test
    void anUnreadableCacheIsAnEmptyOne() throws Exception {
        Files.createDirectories(home.resolve("signet"));
        Files.writeString(home.resolve("signet").resolve(TokenCache.FILE), "not json");
        assertEquals(Optional.empty(), new TokenCache(home.resolve("signet")).token(SERVER, "alice"));
    }
}
