package dev.signet.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import jakarta.json.JsonString;

/**
 * Bearer tokens per server and account name in {@code ~/.cache/signet/tokens.json} (directory 0700,
 * file 0600, written whole to a new file and moved over the old one), plus which name was used last
 * on each server. Only session tokens go here: passwords, API tokens, client secrets and every
 * other secret the server shows are printed once and never written.
 */
final class TokenCache {
    static final String FILE = "tokens.json";

    private final Path dir;

    TokenCache(Path dir) {
        this.dir = dir;
    }

    Path file() {
        return dir.resolve(FILE);
    }

    /** The cached token of {@code name} on {@code server}, while it has not expired. */
    synchronized Optional<String> token(String server, String name) {
        JsonObject tokens = server(read(), server).getJsonObject("tokens");
        if (tokens == null || !tokens.containsKey(name)) {
            return Optional.empty();
        }
        String token = tokens.getString(name);
        return expiry(token).map(e -> e.isAfter(Instant.now())).orElse(true) ? Optional.of(token) : Optional.empty();
    }

    /** The name last logged in on {@code server}. */
    synchronized Optional<String> lastName(String server) {
        JsonObject entry = server(read(), server);
        return entry.containsKey("default") ? Optional.of(entry.getString("default")) : Optional.empty();
    }

    synchronized void store(String server, String name, String token) {
        update(server, name, token);
    }

    synchronized void forget(String server, String name) {
        update(server, name, null);
    }

    private void update(String server, String name, String token) {
        JsonObject all = read();
        JsonObject entry = server(all, server);
        JsonObjectBuilder tokens = Json.createObjectBuilder();
        JsonObject old = entry.getJsonObject("tokens");
        if (old != null) {
            // expired tokens go whenever the file is written
            old.forEach((n, t) -> {
                if (!n.equals(name) && t.getValueType() == JsonValue.ValueType.STRING
                        && expiry(((JsonString) t).getString()).map(e -> e.isAfter(Instant.now())).orElse(true)) {
                    tokens.add(n, t);
                }
            });
        }
        if (token != null) {
            tokens.add(name, token);
        }
        JsonObjectBuilder updated = Json.createObjectBuilder().add("tokens", tokens);
        if (token != null) {
            updated.add("default", name);
        } else if (entry.containsKey("default") && !entry.getString("default").equals(name)) {
            updated.add("default", entry.getString("default"));
        }
        write(Json.createObjectBuilder(all).add(server, updated).build());
    }

    private static JsonObject server(JsonObject all, String server) {
        JsonValue entry = all.get(server);
        return entry instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    }

    private JsonObject read() {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file)))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        } catch (IOException | RuntimeException e) {
            // an unreadable cache is an empty one: logging in again rewrites it
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private void write(JsonObject all) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Path temp = Files.createTempFile(dir, "tokens", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, all.toString(), StandardCharsets.UTF_8);
            try {
                Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw CliFault.refused("cannot write the token cache " + file() + ": " + e.getMessage());
        }
    }

    /** The {@code exp} claim of a JWT, read without checking the signature: only to skip a token that has expired. */
    static Optional<Instant> expiry(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
            JsonObject claims = reader.readObject();
            return claims.containsKey("exp") ? Optional.of(Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue())) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
