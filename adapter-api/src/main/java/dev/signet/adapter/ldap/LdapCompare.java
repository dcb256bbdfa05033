package dev.signet.adapter.ldap;

import java.util.Objects;

/**
 * RFC 4511 section 4.10 CompareRequest: does the entry {@code dn} hold {@code value} in
 * {@code attribute}? The value is the assertion value as sent (read as UTF-8), not escaped.
 */
public record LdapCompare(String dn, String attribute, String value) {
    public LdapCompare {
        Objects.requireNonNull(dn, "dn");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(value, "value");
    }
}
