package dev.signet.schema;

import dev.signet.fault.InvalidInput;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How the values of an attribute are written and checked. {@link #normalise} turns a value from a
 * client into its stored form or refuses it naming the attribute.
 */
public enum Syntax {
    /** An identity's name: lower case, starts with a letter, at most 64, never a UUID. */
    INAME {
        @Override
        String check(String value) {
            String name = value.trim().toLowerCase(Locale.ROOT);
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("must match ^[a-z][a-z0-9_.-]{0,63}$");
            }
            if (UUID_FORM.matcher(name).matches()) {
                throw new IllegalArgumentException("must not be a UUID");
            }
            return name;
        }
    },
    /** Free text on one line. */
    UTF8 {
        @Override
        String check(String value) {
            String text = value.strip();
            if (text.isEmpty() || text.length() > 1024) {
                throw new IllegalArgumentException("must be 1 to 1024 characters");
            }
            if (text.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("must not contain control characters");
            }
            return text;
        }
    },
    EMAIL {
        @Override
        String check(String value) {
            String mail = value.trim();
            int at = mail.lastIndexOf('@');
            if (!MAIL.matcher(mail).matches() || at < 1) {
                throw new IllegalArgumentException("must be an email address");
            }
            // the domain part is case-insensitive; keep the local part as given
            return mail.substring(0, at) + mail.substring(at).toLowerCase(Locale.ROOT);
        }
    },
    UUID_VALUE {
        @Override
        String check(String value) {
            return UUID.fromString(value.trim()).toString();
        }
    },
    INTEGER {
        @Override
        String check(String value) {
            return Long.toString(Long.parseLong(value.trim()));
        }
    },
    BOOLEAN {
        @Override
        String check(String value) {
            String b = value.trim().toLowerCase(Locale.ROOT);
            if (!b.equals("true") && !b.equals("false")) {
                throw new IllegalArgumentException("must be true or false");
            }
            return b;
        }
    },
    /** An instant, ISO-8601 with an offset; stored in UTC. */
    DATETIME {
        @Override
        String check(String value) {
            return OffsetDateTime.parse(value.trim()).toInstant().toString();
        }
    },
    /** Another entry, named by name, spn or uuid; the entry service resolves it. */
    REFERENCE {
        @Override
        String check(String value) {
            String ref = value.trim();
            if (ref.isEmpty()) {
                throw new IllegalArgumentException("must name an entry");
            }
            return ref.toLowerCase(Locale.ROOT);
        }
    },
    /** An OpenSSH public key: {@code type base64 [comment]} whose blob names the same type. */
    SSH_PUBLIC_KEY {
        @Override
        String check(String value) {
            String[] parts = value.trim().split("\\s+", 3);
            if (parts.length < 2 || !SSH_KEY_TYPES.contains(parts[0])) {
                throw new IllegalArgumentException("must be an OpenSSH public key (type, base64 blob, optional comment)");
            }
            byte[] blob = Base64.getDecoder().decode(parts[1]);
            if (blob.length < 4) {
                throw new IllegalArgumentException("key blob is truncated");
            }
            int typeLength = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
            if (typeLength <= 0 || typeLength > blob.length - 4
                    || !new String(blob, 4, typeLength, java.nio.charset.StandardCharsets.US_ASCII).equals(parts[0])) {
                throw new IllegalArgumentException("key blob does not match its type " + parts[0]);
            }
            return String.join(" ", parts);
        }
    },
    /** A RADIUS reply attribute, {@code Name=value}, from {@link RadiusReplyAttribute}'s dictionary. */
    RADIUS_REPLY_ATTRIBUTE {
        @Override
        String check(String value) {
            return RadiusReplyAttribute.normalise(value);
        }
    },
    /** Written only by Signet itself (computed attributes). */
    SYSTEM {
        @Override
        String check(String value) {
            throw new IllegalArgumentException("is maintained by Signet");
        }
    };

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");
    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern MAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Set<String> SSH_KEY_TYPES = Set.of("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com");

    abstract String check(String value);

    /** The stored form of {@code value} for {@code attribute}, or {@link InvalidInput} naming it. */
    public String normalise(String attribute, String value) {
        if (value == null) {
            throw new InvalidInput(attribute, attribute + ": a value is missing");
        }
        try {
            return check(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidInput(attribute, attribute + ": " + (e.getMessage() == null ? "invalid value" : e.getMessage()));
        }
    }
}
