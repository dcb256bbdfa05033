package dev.signet.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaTest {
    @Test
    void everyLdapNameAndAliasNamesOneAttribute() {
        Set<String> seen = new HashSet<>();
        for (AttributeDefinition def : Schema.all()) {
            assertTrue(seen.add(def.ldapName().toLowerCase(Locale.ROOT)), def.ldapName());
            for (String alias : def.ldapAliases()) {
                assertTrue(seen.add(alias), alias);
            }
            assertEquals(def, Schema.byLdapName(def.ldapName().toUpperCase(Locale.ROOT)).orElseThrow());
        }
        assertEquals(Schema.NAME, Schema.byLdapName("uid;x-option").orElseThrow().name(), "options are not part of the type");
        assertEquals(Schema.MEMBER, Schema.byLdapName("uniqueMember").orElseThrow().name());
    }

    @Test
    void wholeNumbersTheAdminWritesHaveBounds() {
        for (AttributeDefinition def : Schema.all()) {
            if (def.syntax() == Syntax.INTEGER) {
                assertNotNull(def.bounds(), def.name());
            }
        }
        assertEquals(new Bounds(8, 128), Schema.find(Schema.PASSWORD_MINIMUM_LENGTH).orElseThrow().bounds());
    }

    @Test
    void theDefaultsArePublicSystemWrittenSingleValuedOnEveryKind() {
        AttributeDefinition created = Schema.find(Schema.CREATED_AT).orElseThrow();
        assertEquals(Visibility.PUBLIC, created.visibility());
        assertEquals(Writer.SYSTEM, created.writer());
        assertEquals(1, created.maxValues());
        assertEquals(Match.NONE, created.match());
        assertEquals(LdapForm.GENERALIZED_TIME, created.ldapForm());
        assertEquals(Integer.MAX_VALUE, Schema.find(Schema.MEMBER).orElseThrow().maxValues(), "a group may hold everyone");
        assertEquals(Schema.MAX_MAIL, Schema.find(Schema.MAIL).orElseThrow().maxValues());
    }
}
