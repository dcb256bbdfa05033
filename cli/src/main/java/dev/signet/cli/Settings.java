package dev.signet.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the server is and how to trust it: the command line first ({@code -H}, {@code -D},
 * {@code --ca}), then {@code SIGNET_URL} / {@code SIGNET_NAME} / {@code SIGNET_CA}, then
 * {@code ~/.config/signet/config} ({@code url = ...}, {@code name = ...}, {@code ca = ...}; Kanidm's
 * {@code uri} and {@code ca_path} are read too, quoted or not).
 */
final class Settings {
    private final Map<String, String> env;
    private final Map<String, String> file;

    Settings(Map<String, String> env) {
        this.env = env;
        this.file = read(configFile(env));
    }

    /** {@code $XDG_CONFIG_HOME/signet/config}, or {@code $HOME/.config/signet/config}. */
    static Path configFile(Map<String, String> env) {
        return base(env, "XDG_CONFIG_HOME", ".config").resolve("signet").resolve("config");
    }

    /** {@code $XDG_CACHE_HOME/signet}, or {@code $HOME/.cache/signet}. */
    static Path cacheDir(Map<String, String> env) {
        return base(env, "XDG_CACHE_HOME", ".cache").resolve("signet");
    }

    private static Path base(Map<String, String> env, String xdg, String dotDir) {
        String explicit = env.get(xdg);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        // HOME, as a shell sees it (Java's user.home comes from the password database instead)
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home).resolve(dotDir);
    }

    URI url(String option) {
        String raw = first(option, env.get("SIGNET_URL"), file.get("url"), file.get("uri"));
        if (raw == null) {
            throw CliFault.usage("no server given: pass -H https://idm.example.com, set SIGNET_URL, or put url = ... in " + configFile(env));
        }
        URI url;
        try {
            url = URI.create(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
        } catch (IllegalArgumentException e) {
            throw CliFault.usage("the server URL '" + raw + "' is not a URL");
        }
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw CliFault.usage("the server URL must be https://HOST[:PORT], not '" + raw + "'");
        }
        return url;
    }

    String name(String option) {
        return first(option, env.get("SIGNET_NAME"), file.get("name"));
    }

    Path ca(String option) {
        String raw = first(option, env.get("SIGNET_CA"), file.get("ca"), file.get("ca_path"));
        return raw == null ? null : Path.of(raw);
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.trim();
            }
        }
        return null;
    }

    static Map<String, String> read(Path config) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(config)) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(config)) {
                String text = line.strip();
                int eq = text.indexOf('=');
                if (text.isEmpty() || text.startsWith("#") || text.startsWith("[") || eq < 0) {
                    continue;
                }
                String value = text.substring(eq + 1).strip();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(text.substring(0, eq).strip(), value);
            }
        } catch (IOException e) {
            throw CliFault.usage("cannot read " + config + ": " + e.getMessage());
        }
        return values;
    }
}
