package dev.signet.directory;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where entries sit in the LDAP tree, Kanidm's way: flat under the naming context derived from
 * the domain ({@code idm.example.com} -> {@code dc=idm,dc=example,dc=com}, or
 * {@code -Dsignet.ldap.basedn}), each named by its spn: {@code spn=jsmith@idm.example.com,<base>}.
 * Bind names are read in every form clients use: that DN, {@code name=}, {@code uid=} (also
 * under {@code ou=people}), {@code cn=}, or the bare name or spn.
 */
public record LdapNames(String baseDn, String domain) {
    /** Spaces around DN separators; compiled once, since every operation normalises a DN. */
    private static final Pattern SPACED_SEPARATOR = Pattern.compile("\\s*([,=])\\s*");

    public LdapNames {
        baseDn = normal(baseDn);
    }

    public static LdapNames of(String domain, String derivedBase) {
        return new LdapNames(System.getProperty("signet.ldap.basedn", derivedBase), domain);
    }

    public String dnOf(String name) {
        return "spn=" + name + "@" + domain + "," + baseDn;
    }

    /** The entry name a DN or bind name refers to, when it is one of ours. */
    public Optional<String> nameOf(String dnOrName) {
        String value = normal(dnOrName);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.contains("=")) {
            return Optional.of(stripDomain(value));
        }
        int comma = value.indexOf(',');
        if (comma < 0) {
            return Optional.empty();
        }
        String first = value.substring(0, comma);
        String rest = value.substring(comma + 1);
        if (!(rest.equals(baseDn) || rest.equals("ou=people," + baseDn) || rest.equals("ou=groups," + baseDn))) {
            return Optional.empty();
        }
        int equals = first.indexOf('=');
        String type = first.substring(0, equals);
        String name = first.substring(equals + 1);
        return switch (type) {
            case "spn", "name", "uid", "cn" -> Optional.of(stripDomain(name)).filter(n -> !n.isEmpty());
            default -> Optional.empty();
        };
    }

    private String stripDomain(String name) {
        return name.endsWith("@" + domain) ? name.substring(0, name.length() - domain.length() - 1) : name.contains("@") ? "" : name;
    }

    /** Lower case, no spaces around separators: the form DNs are compared in. */
    static String normal(String dn) {
        return dn == null ? "" : SPACED_SEPARATOR.matcher(dn.trim().toLowerCase(Locale.ROOT)).replaceAll("$1");
    }
}
