package dev.signet.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.schema.AttributeTypeDefinition;
import com.unboundid.ldap.sdk.schema.ObjectClassDefinition;
import dev.signet.adapter.ldap.LdapSearchResult;
import dev.signet.entry.EntryView;
import dev.signet.model.EntryKind;
import dev.signet.schema.AttributeDefinition;
import dev.signet.schema.Schema;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SubschemaTest {
    private static final Map<String, AttributeTypeDefinition> TYPES = new LinkedHashMap<>();
    private static final Map<String, ObjectClassDefinition> CLASSES = new LinkedHashMap<>();

    static {
        try {
            for (String definition : Subschema.entry(List.of()).attributes().get("attributeTypes")) {
                AttributeTypeDefinition type = new AttributeTypeDefinition(definition);
                TYPES.put(type.getNameOrOID().toLowerCase(), type);
            }
            for (String definition : Subschema.entry(List.of()).attributes().get("objectClasses")) {
                ObjectClassDefinition type = new ObjectClassDefinition(definition);
                CLASSES.put(type.getNameOrOID().toLowerCase(), type);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyDefinitionIsRfc4512AndEveryOidIsUsedOnce() {
        Set<String> oids = new HashSet<>();
        Stream.concat(TYPES.values().stream().map(AttributeTypeDefinition::getOID), CLASSES.values().stream().map(ObjectClassDefinition::getOID))
                .forEach(oid -> assertTrue(oids.add(oid), "OID used twice: " + oid));
        assertEquals(Subschema.ATTRIBUTE_TYPES.size(), TYPES.size(), "every type parses, once per name");
    }

    @Test
    void standardAttributesKeepTheirRegisteredOids() {
        assertEquals("0.9.2342.19200300.100.1.1", TYPES.get("uid").getOID());
        assertEquals("2.5.4.3", TYPES.get("cn").getOID());
        assertEquals("1.3.6.1.1.1.1.12", TYPES.get("memberuid").getOID());
        assertEquals("1.3.6.1.1.1.1.0", TYPES.get("uidnumber").getOID());
        assertEquals("2.5.18.1", TYPES.get("createtimestamp").getOID());
        assertEquals("1.3.6.1.4.1.1466.115.121.1.24", TYPES.get("createtimestamp").getSyntaxOID(), "Generalized Time");
        assertEquals("1.3.6.1.1.1.2.0", CLASSES.get("posixaccount").getOID());
        assertTrue(TYPES.get(("spn")).getOID().startsWith(Subschema.SIGNET_ARC + ".1."), "Signet's own under its arc");
        assertTrue(CLASSES.get(("signet_person")).getOID().startsWith(Subschema.SIGNET_ARC + ".2."));
    }

    @Test
    void everyAttributeSignetServesHasAType() {
        for (AttributeDefinition def : Schema.all()) {
            assertTrue(TYPES.containsKey(def.ldapName().toLowerCase()), def.ldapName());
        }
        // and those the mapping adds from them, on a POSIX person and a group
        EntryView person = new EntryView(EntryKind.PERSON, UUID.randomUUID(), Map.of(Schema.NAME, List.of("jsmith"),
                Schema.GIDNUMBER, List.of("65536"), Schema.DISPLAYNAME, List.of("John Smith")));
        EntryView group = new EntryView(EntryKind.GROUP, UUID.randomUUID(), Map.of(Schema.NAME, List.of("devs"),
                Schema.MEMBER, List.of("spn=jsmith@example.com,dc=example,dc=com")));
        LdapEntryMapping mapping = new LdapEntryMapping(LdapNames.of("example.com", "dc=example,dc=com"));
        for (EntryView view : List.of(person, group)) {
            LdapSearchResult.Entry entry = mapping.map(view, List.of(), List.of("jsmith"));
            for (String attribute : entry.attributes().keySet()) {
                assertTrue(TYPES.containsKey(attribute.toLowerCase()), attribute);
            }
            for (String objectClass : entry.attributes().get("objectClass")) {
                assertTrue(CLASSES.containsKey(objectClass.toLowerCase()), objectClass);
            }
        }
    }

    @Test
    void everyClassNamesDeclaredTypesAndSuperiors() {
        for (ObjectClassDefinition objectClass : CLASSES.values()) {
            Stream.concat(Stream.of(objectClass.getRequiredAttributes()), Stream.of(objectClass.getOptionalAttributes()))
                    .forEach(a -> assertTrue(TYPES.containsKey(a.toLowerCase()), objectClass.getNameOrOID() + " names " + a));
            for (String superior : objectClass.getSuperiorClasses()) {
                assertTrue(CLASSES.containsKey(superior.toLowerCase()), superior);
            }
        }
        for (AttributeTypeDefinition type : TYPES.values()) {
            if (type.getSuperiorType() != null) {
                assertTrue(TYPES.containsKey(type.getSuperiorType().toLowerCase()), type.getSuperiorType());
            }
            for (String rule : Stream.of(type.getEqualityMatchingRule(), type.getOrderingMatchingRule(), type.getSubstringMatchingRule())
                    .filter(r -> r != null).toList()) {
                assertTrue(MatchingRule.named(rule).isPresent(), rule + " is published in matchingRules");
            }
        }
    }

    @Test
    void theEntryIsFoundByItsObjectClassAndGivesTheRequestedAttributes() throws Exception {
        assertTrue(Subschema.matches(Filters.parse("(objectClass=subschema)")));
        assertTrue(Subschema.matches(Filters.parse("(objectClass=*)")));
        assertTrue(!Subschema.matches(Filters.parse("(objectClass=person)")));
        assertEquals(Set.of("objectClasses", "attributeTypes"),
                Subschema.entry(List.of("objectClasses", "attributeTypes")).attributes().keySet());
        assertEquals(Set.of("objectClasses", "attributeTypes", "matchingRules", "ldapSyntaxes"),
                Subschema.entry(List.of("+")).attributes().keySet(), "+ is its operational attributes (RFC 3673)");
        assertTrue(Subschema.entry(List.of()).attributes().keySet().containsAll(Set.of("objectClass", "cn", "attributeTypes")));
    }
}
