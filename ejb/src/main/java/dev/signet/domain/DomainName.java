package dev.signet.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The DNS name an installation serves, e.g. {@code idm.example.com}. It makes every entry's
 * {@code spn} ({@code name@domain}), the OIDC issuer origin, the WebAuthn relying-party id, the
 * TLS certificate's host and the LDAP base DN, so it is validated once, here.
 */
public record DomainName(String value) {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public DomainName {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("domain name is empty");
        }
        value = value.trim().toLowerCase(Locale.ROOT);
        if (value.length() > 253) {
            throw new IllegalArgumentException("domain name longer than 253 characters");
        }
        for (String label : value.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("not a DNS name: '" + value + "' (bad label '" + label + "')");
            }
        }
    }

    /** The LDAP naming context derived from the name: {@code dc=idm,dc=example,dc=com}. */
    public String baseDn() {
        return Arrays.stream(value.split("\\.")).map(label -> "dc=" + label).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return value;
    }
}
