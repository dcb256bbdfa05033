package dev.signet.radius;

import dev.signet.fault.InvalidInput;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The attributes of a RADIUS client an admin may write, and the check each value gets. Groups
 * ({@link #GROUP}) are resolved by the registry, which knows the entries.
 */
public final class RadiusClientAttribute {
    public static final String NAME = "name";
    public static final String DISPLAYNAME = "displayname";
    /** Source addresses: literal IPs or CIDR blocks; packets from anywhere else are dropped. */
    public static final String ADDRESS = "radius_address";
    /** Groups whose (transitive) members may log in through the client, in the order that picks the VLAN. */
    public static final String GROUP = "radius_group";
    /** BlastRADIUS: Access-Requests without Message-Authenticator are dropped unless this is false. */
    public static final String REQUIRE_MESSAGE_AUTHENTICATOR = "require_message_authenticator";
    /** Session-Timeout (RFC 2865 section 5.27) sent with every Accept, in seconds; unset sends none. */
    public static final String SESSION_TIMEOUT = "radius_session_timeout";

    static final Set<String> WRITABLE = Set.of(DISPLAYNAME, ADDRESS, GROUP, REQUIRE_MESSAGE_AUTHENTICATOR, SESSION_TIMEOUT);
    /** A device has a handful of addresses; a bound keeps one client from making the lookup slow. */
    static final int MAX_ADDRESSES = 64;
    static final int MAX_GROUPS = 64;
    /** A week: longer sessions are a device's own business. */
    static final int MAX_SESSION_TIMEOUT = 7 * 24 * 3600;
    private static final Logger LOG = Logger.getLogger(RadiusClientAttribute.class.getName());

    private RadiusClientAttribute() {
    }

    static void require(String attribute) {
        if (!WRITABLE.contains(attribute) && !GROUP.equals(attribute)) {
            throw new InvalidInput(attribute, NAME.equals(attribute)
                    ? "a RADIUS client's name cannot change" : "unknown or read-only attribute: " + attribute);
        }
    }

    /** Replaces a plain attribute's values on the client ({@link #GROUP} is the registry's). */
    static void replace(RadiusClient client, String attribute, List<String> values) {
        require(attribute);
        if ((DISPLAYNAME.equals(attribute) || REQUIRE_MESSAGE_AUTHENTICATOR.equals(attribute) || SESSION_TIMEOUT.equals(attribute))
                && values.size() > 1) {
            throw new InvalidInput(attribute, attribute + " takes one value");
        }
        String value = values.isEmpty() ? null : values.get(0);
        switch (attribute) {
            case DISPLAYNAME -> client.setDisplayname(value == null ? null : text(attribute, value));
            case ADDRESS -> {
                client.addresses().clear();
                client.addresses().addAll(addresses(values));
            }
            case REQUIRE_MESSAGE_AUTHENTICATOR -> {
                boolean require = value == null || bool(attribute, value);
                if (!require) {
                    LOG.warning(() -> "RADIUS client " + client.name() + " may send Access-Requests without Message-Authenticator: "
                            + "it is open to BlastRADIUS (CVE-2024-3596) forgeries; only the limit_proxy_state rule applies");
                }
                client.setRequireMessageAuthenticator(require);
            }
            case SESSION_TIMEOUT -> client.setSessionTimeout(value == null ? null : seconds(attribute, value));
            default -> throw new IllegalStateException(attribute);
        }
    }

    /** The addresses in their stored form (as {@link AddressRange} prints them), each once. */
    static List<String> addresses(List<String> values) {
        Set<String> ranges = new LinkedHashSet<>();
        for (String value : values) {
            AddressRange range = AddressRange.parse(value).orElseThrow(() -> new InvalidInput(ADDRESS,
                    ADDRESS + " takes IP addresses or CIDR blocks (10.0.1.100, 10.0.1.0/24, 2001:db8::/64), not " + value));
            ranges.add(range.toString());
        }
        if (ranges.size() > MAX_ADDRESSES) {
            throw new InvalidInput(ADDRESS, ADDRESS + " takes at most " + MAX_ADDRESSES + " values");
        }
        return List.copyOf(ranges);
    }

    private static String text(String attribute, String value) {
        if (value.isBlank() || value.length() > 1024 || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput(attribute, attribute + " must be 1 to 1024 printable characters");
        }
        return value.strip();
    }

    private static boolean bool(String attribute, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInput(attribute, attribute + " must be true or false");
        };
    }

    private static int seconds(String attribute, String value) {
        try {
            int seconds = Integer.parseInt(value.strip());
            if (seconds < 60 || seconds > MAX_SESSION_TIMEOUT) {
                throw new NumberFormatException();
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new InvalidInput(attribute, attribute + " must be a number of seconds from 60 to " + MAX_SESSION_TIMEOUT);
        }
    }
}
