package dev.signet.directory;

import dev.signet.adapter.ldap.LdapSearchResult;
import dev.signet.entry.EntryView;
import dev.signet.model.EntryKind;
import dev.signet.schema.AttributeDefinition;
import dev.signet.schema.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An entry as LDAP clients (nslcd, sssd, applications) expect it: object classes by kind and
 * POSIX-ness, {@code uid}/{@code cn} from the name, references as DNs (the view carries them so,
 * mapped from their UUIDs once), {@code memberUid} (the POSIX accounts among the members) beside
 * {@code member}, times in Generalized Time and flags as
 * LDAP Booleans, the account's one POSIX id as both {@code uidNumber} and {@code gidNumber}.
 * Built from what the caller may see ({@link EntryView}), so access control is the core's; only
 * the requested attributes are returned.
 */
final class LdapEntryMapping {
    private static final String ALL_USER = "*";
    private static final String NONE = "1.1";
    private static final String ALL_OPERATIONAL = "+";
    private final LdapNames names;

    LdapEntryMapping(LdapNames names) {
        this.names = names;
    }

    /**
     * @param view       the entry as the caller may see it, references as DNs
     * @param memberUids the names of the POSIX accounts among the group's members: only they are
     *                   listed in {@code memberUid}
     */
    LdapSearchResult.Entry map(EntryView view, List<String> requested, List<String> memberUids) {
        Map<String, List<String>> attrs = view.attrs();
        String name = attrs.get(Schema.NAME).get(0);
        boolean posix = attrs.containsKey(Schema.GIDNUMBER);
        boolean account = view.kind() != EntryKind.GROUP;
        Map<String, List<String>> ldap = new LinkedHashMap<>();
        ldap.put("objectClass", objectClasses(view.kind(), posix));
        ldap.put("uid", List.of(name));
        ldap.put("cn", List.of(name));
        for (Map.Entry<String, List<String>> attr : attrs.entrySet()) {
            AttributeDefinition def = Schema.require(attr.getKey(), view.kind());
            List<String> values = attr.getValue();
            switch (def.ldapForm()) {
                case NOT_SERVED -> {
                    // objectClass is LDAP's own, above
                }
                case GENERALIZED_TIME -> ldap.put(def.ldapName(), values.stream().map(GeneralizedTime::of).toList());
                case BOOLEAN -> ldap.put(def.ldapName(), values.stream().map(LdapEntryMapping::ldapBoolean).toList());
                case SSH_KEY -> ldap.put(def.ldapName(), values.stream().map(v -> v.substring(v.indexOf(": ") + 2)).toList());
                case TEXT, DN -> ldap.put(def.ldapName(), values);
            }
            if (def.name().equals(Schema.MEMBER) && !memberUids.isEmpty()) {
                // RFC 2307: memberUid names POSIX accounts; nested groups and non-POSIX people are only members
                ldap.put("memberUid", memberUids);
            }
            if (def.name().equals(Schema.DISPLAYNAME) && account) {
                ldap.put("gecos", values);
            }
        }
        if (posix && account && !ldap.containsKey("homeDirectory")) {
            ldap.put("homeDirectory", List.of("/home/" + name));
        }
        return new LdapSearchResult.Entry(names.dnOf(name), selected(ldap, requested));
    }

    /**
     * The schema attributes a search's requested LDAP attributes are built from ({@code *}, none
     * or {@code +}: all of them). The name and the gid number are always read: the DN, the object
     * classes and the home directory come from them.
     */
    static Set<String> schemaAttributesFor(List<String> requested) {
        Set<String> wanted = requested.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (wanted.isEmpty() || wanted.contains(ALL_USER) || wanted.contains(ALL_OPERATIONAL)) {
            return Schema.names();
        }
        Set<String> schema = new HashSet<>(Set.of(Schema.NAME, Schema.GIDNUMBER));
        for (String attribute : wanted) {
            // memberUid is RFC 2307's view of the members
            Schema.byLdapName(attribute.equals("memberuid") ? "member" : attribute).ifPresent(d -> schema.add(d.name()));
        }
        return schema;
    }

    private static List<String> objectClasses(EntryKind kind, boolean posix) {
        List<String> classes = new ArrayList<>(List.of("top"));
        switch (kind) {
            case PERSON -> classes.addAll(List.of("person", "organizationalPerson", "inetOrgPerson"));
            case SERVICE_ACCOUNT -> classes.add("account");
            case GROUP -> classes.add("groupOfNames");
        }
        if (posix) {
            classes.add(kind == EntryKind.GROUP ? "posixGroup" : "posixAccount");
        }
        classes.add("signet_" + kind.restName());
        return classes;
    }

    /**
     * The requested attributes of an entry: all for none or {@code *} (Signet's computed attributes
     * too, as clients have always read them so), the operational ones of the subschema for
     * {@code +} (RFC 3673), else those named.
     */
    static Map<String, List<String>> selected(Map<String, List<String>> all, List<String> requested) {
        Set<String> wanted = requested.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (wanted.isEmpty() || wanted.contains(ALL_USER)) {
            return all;
        }
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        if (wanted.equals(Set.of(NONE))) {
            return chosen;
        }
        boolean operational = wanted.contains(ALL_OPERATIONAL);
        all.forEach((name, values) -> {
            if (wanted.contains(name.toLowerCase(Locale.ROOT))
                    || operational && Subschema.attributeType(name).filter(LdapAttributeType::operational).isPresent()) {
                chosen.put(name, values);
            }
        });
        return chosen;
    }

    /** Whether a search asking for {@code requested} returns {@code attribute} (a user attribute) when the entry has it. */
    static boolean returns(List<String> requested, String attribute) {
        return requested.isEmpty() || requested.stream().anyMatch(a -> a.equals(ALL_USER) || a.equalsIgnoreCase(attribute));
    }

    /** RFC 4517 3.3.3: a Boolean is TRUE or FALSE, in capitals. */
    private static String ldapBoolean(String value) {
        return Boolean.parseBoolean(value) ? "TRUE" : "FALSE";
    }
}
