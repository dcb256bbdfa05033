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
import java.util.regex.Pattern;

/**
 * Passwords too common to allow, compared case-insensitively (the list ships as a resource). A
 * password is also refused when it is a listed one with digits or symbols stuck on either end
 * ({@code Password123!}), the commonest way people "strengthen" one.
 */
final class BadPasswords {
    private static final Set<String> LIST = load();

    private BadPasswords() {
    }

    static boolean contains(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (LIST.contains(lower)) {
            return true;
        }
        String core = CORE.matcher(lower).replaceAll("");
        return core.length() >= 4 && LIST.contains(core);
    }

    /** Leading and trailing digits and symbols. */
    private static final Pattern CORE = Pattern.compile("^[^\\p{L}]+|[^\\p{L}]+$");

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
