package dev.signet.sync;

import dev.signet.fault.InvalidInput;
import dev.signet.schema.AttributeDefinition;
import dev.signet.schema.Schema;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which directory attribute holds each thing Signet imports, for directories that name them
 * differently (Active Directory: {@code sAMAccountName}, {@code objectGUID}, objectClass
 * {@code group}). Only the keys below can be mapped; what is not mapped keeps the OpenLDAP name.
 */
public record LdapAttributeMap(Map<String, String> mapped) {
    /** Signet's key -> the attribute an OpenLDAP / 389-ds / FreeIPA directory uses. */
    public static final Map<String, String> DEFAULTS;
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}");

    static {
        Map<String, String> defaults = new LinkedHashMap<>();
        // what only an import needs: the source's own id, a group's name, a person's hash, a posixGroup's members by name
        defaults.put("id", "entryUUID");
        defaults.put("group_name", "cn");
        defaults.put("password", "userPassword");
        defaults.put("memberuid", "memberUid");
        // the rest as the schema says each attribute is held in a directory
        for (AttributeDefinition def : Schema.all()) {
            if (def.importedFrom() != null) {
                defaults.put(def.name(), def.importedFrom());
            }
        }
        DEFAULTS = Map.copyOf(defaults);
    }

    public LdapAttributeMap {
        mapped = Map.copyOf(mapped == null ? Map.of() : mapped);
        for (Map.Entry<String, String> entry : mapped.entrySet()) {
            if (!DEFAULTS.containsKey(entry.getKey())) {
                throw new InvalidInput("attribute_map", "attribute_map: " + entry.getKey() + " is not mapped; keys are "
                        + String.join(", ", DEFAULTS.keySet().stream().sorted().toList()));
            }
            if (!ATTRIBUTE.matcher(entry.getValue()).matches()) {
                throw new InvalidInput("attribute_map", "attribute_map: " + entry.getValue() + " is not an LDAP attribute name");
            }
        }
    }

    /** The directory's attribute for Signet's {@code key}. */
    public String of(String key) {
        return mapped.getOrDefault(key, DEFAULTS.get(key));
    }

    /** Everything a search must ask for: the mapped attributes and those that tell people from groups. */
    public String[] requested() {
        Set<String> all = new LinkedHashSet<>(List.of("objectClass", "cn", "uniqueMember"));
        DEFAULTS.keySet().forEach(key -> all.add(of(key)));
        return all.toArray(String[]::new);
    }
}
