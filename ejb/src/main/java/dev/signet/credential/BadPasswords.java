package dev.signet.credential;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Passwords too common to allow, compared case-insensitively (the list ships as a resource). */
final class BadPasswords {
    private static final Set<String> LIST = load();

    private BadPasswords() {
    }

    static boolean contains(String password) {
        return LIST.contains(password.toLowerCase(Locale.ROOT));
    }

    static int size() {
        return LIST.size();
    }

    private static Set<String> load() {
        Set<String> list = new HashSet<>(40_000);
        try (InputStream in = BadPasswords.class.getResourceAsStream("bad-passwords.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    list.add(entry.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("bad-passwords.txt unreadable", e);
        }
        return Set.copyOf(list);
    }
}
