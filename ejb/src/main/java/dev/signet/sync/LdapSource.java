package dev.signet.sync;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import dev.signet.fault.InvalidInput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where and how a sync account reads an LDAP directory: {@code ldaps://} (or {@code ldap://}
 * with StartTLS), the bind DN, the base DN, the person and group filters, the CA to trust (PEM;
 * the JVM's trust store when absent), names to leave out and names to import under another name.
 * The bind password is kept apart, sealed.
 */
public record LdapSource(String url, String bindDn, String baseDn, String personFilter, String groupFilter, String caPem,
                         List<String> exclude, Map<String, String> remap, LdapAttributeMap attributeMap) {
    public static final String DEFAULT_PERSON_FILTER = "(|(objectClass=inetOrgPerson)(objectClass=posixAccount))";
    public static final String DEFAULT_GROUP_FILTER = "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)(objectClass=posixGroup))";
    /** Object classes that make an entry a group (Active Directory's is {@code group}). */
    public static final List<String> GROUP_CLASSES = List.of("groupOfNames", "groupOfUniqueNames", "posixGroup", "group");

    public LdapSource {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url);
        } catch (URISyntaxException e) {
            throw new InvalidInput("url", "url must be ldaps://host[:port] or ldap://host[:port] (StartTLS)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ldaps") && !scheme.equals("ldap") || uri.getHost() == null) {
            throw new InvalidInput("url", "url must be ldaps://host[:port] or ldap://host[:port] (StartTLS)");
        }
        requireDn("bind_dn", bindDn);
        requireDn("base_dn", baseDn);
        personFilter = personFilter == null || personFilter.isBlank() ? DEFAULT_PERSON_FILTER : personFilter;
        groupFilter = groupFilter == null || groupFilter.isBlank() ? DEFAULT_GROUP_FILTER : groupFilter;
        requireFilter("person_filter", personFilter);
        requireFilter("group_filter", groupFilter);
        if (caPem != null && !caPem.isBlank()) {
            requireCertificates(caPem);
        }
        exclude = List.copyOf(exclude == null ? List.of() : exclude);
        remap = Map.copyOf(remap == null ? Map.of() : remap);
        attributeMap = attributeMap == null ? new LdapAttributeMap(Map.of()) : attributeMap;
    }

    // checked when the source is set, so a typo is a 400 naming the field, not a failed run an hour later
    private static void requireDn(String field, String dn) {
        if (dn == null || dn.isBlank()) {
            throw new InvalidInput(field, field + " is required");
        }
        if (!DN.isValidDN(dn)) {
            throw new InvalidInput(field, field + " is not a distinguished name (RFC 4514), e.g. cn=reader,dc=example,dc=com");
        }
    }

    private static void requireFilter(String field, String filter) {
        try {
            Filter.create(filter);
        } catch (LDAPException e) {
            throw new InvalidInput(field, field + " is not an LDAP filter (RFC 4515): " + e.getMessage());
        }
    }

    private static void requireCertificates(String pem) {
        try {
            if (!CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .isEmpty()) {
                return;
            }
        } catch (CertificateException e) {
            // said below
        }
        throw new InvalidInput("ca_pem", "ca_pem must hold one or more PEM certificates (-----BEGIN CERTIFICATE-----)");
    }

    /**
     * The name an entry the source names {@code sourceName} is imported under: lower case, or its
     * remapped name; empty when it is excluded.
     */
    public Optional<String> importedName(String sourceName) {
        String name = sourceName.toLowerCase(Locale.ROOT);
        if (exclude.contains(name)) {
            return Optional.empty();
        }
        return Optional.of(remap.getOrDefault(name, name));
    }

    public boolean startTls() {
        return url.toLowerCase(Locale.ROOT).startsWith("ldap:");
    }

    public String host() {
        return URI.create(url).getHost();
    }

    public int port() {
        int port = URI.create(url).getPort();
        return port > 0 ? port : startTls() ? 389 : 636;
    }
}
