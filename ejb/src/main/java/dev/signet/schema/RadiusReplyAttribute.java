package dev.signet.schema;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A reply attribute a group hands its members' network logins, written {@code Name=value}
 * (e.g. {@code Cisco-AVPair=shell:priv-lvl=15}, {@code Aruba-Admin-Role=root}), checked against
 * a dictionary of the attributes network devices use for admin roles and policies. Names, vendor
 * numbers and types are FreeRADIUS's ({@code /usr/share/freeradius/dictionary.*}). Attributes
 * Signet sets itself (User-Name, the VLAN triple, Session-Timeout, keys) are not in it.
 *
 * @param name the dictionary name, as written
 * @param vendor the SMI enterprise number, 0 for a standard attribute
 * @param type the attribute's number (the vendor's own, for a vendor attribute)
 * @param value the encoded value (UTF-8 text, or a 4-octet integer)
 */
public record RadiusReplyAttribute(String name, int vendor, int type, byte[] value) {
    private enum Kind {
        TEXT, INTEGER
    }

    private record Known(String name, int vendor, int type, Kind kind) {
    }

    private static final Map<String, Known> DICTIONARY = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        known("Filter-Id", 0, 11, Kind.TEXT);
        known("Reply-Message", 0, 18, Kind.TEXT);
        known("Class", 0, 25, Kind.TEXT);
        known("Idle-Timeout", 0, 28, Kind.INTEGER);
        known("HP-Privilege-Level", 11, 1, Kind.INTEGER);
        known("HP-Command-String", 11, 2, Kind.TEXT);
        known("Cisco-AVPair", 9, 1, Kind.TEXT);
        known("Juniper-Local-User-Name", 2636, 1, Kind.TEXT);
        known("Juniper-Allow-Commands", 2636, 2, Kind.TEXT);
        known("Fortinet-Group-Name", 12356, 1, Kind.TEXT);
        known("Fortinet-Access-Profile", 12356, 6, Kind.TEXT);
        known("Aruba-User-Role", 14823, 1, Kind.TEXT);
        known("Aruba-Admin-Role", 14823, 4, Kind.TEXT);
        known("Mikrotik-Group", 14988, 3, Kind.TEXT);
        known("PaloAlto-Admin-Role", 25461, 1, Kind.TEXT);
        known("PaloAlto-User-Group", 25461, 5, Kind.TEXT);
    }

    private static void known(String name, int vendor, int type, Kind kind) {
        DICTIONARY.put(name, new Known(name, vendor, type, kind));
    }

    public RadiusReplyAttribute {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The attribute {@code Name=value} describes, or why it is refused (for {@link Syntax}). */
    public static RadiusReplyAttribute parse(String written) {
        int equals = written == null ? -1 : written.indexOf('=');
        if (equals < 1) {
            throw new IllegalArgumentException("must be Name=value, e.g. Cisco-AVPair=shell:priv-lvl=15");
        }
        String name = written.substring(0, equals).strip();
        String value = written.substring(equals + 1).strip();
        Known known = Optional.ofNullable(DICTIONARY.get(name)).orElseThrow(() -> new IllegalArgumentException(
                "unknown reply attribute " + name + "; known: " + String.join(", ", DICTIONARY.keySet())));
        if (value.isEmpty() || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(name + " needs a value without control characters");
        }
        byte[] encoded;
        if (known.kind() == Kind.INTEGER) {
            long n;
            try {
                n = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " takes a whole number");
            }
            if (n < 0 || n > 0xffffffffL) {
                throw new IllegalArgumentException(name + " takes a number from 0 to 4294967295");
            }
            encoded = ByteBuffer.allocate(4).putInt((int) n).array();
        } else {
            encoded = value.getBytes(StandardCharsets.UTF_8);
            if (encoded.length > (known.vendor() == 0 ? 253 : 247)) {
                throw new IllegalArgumentException(name + " holds at most " + (known.vendor() == 0 ? 253 : 247) + " octets");
            }
        }
        return new RadiusReplyAttribute(known.name(), known.vendor(), known.type(), encoded);
    }

    /** The stored form: the dictionary's spelling of the name, then the value as written. */
    static String normalise(String written) {
        RadiusReplyAttribute parsed = parse(written);
        return parsed.name() + "=" + written.substring(written.indexOf('=') + 1).strip();
    }

    @Override
    public String toString() {
        return name.toLowerCase(Locale.ROOT);
    }
}
