package dev.signet.schema;

import dev.signet.model.EntryKind;
import java.util.Set;

/**
 * One attribute, declared once: its REST name (lower case) and LDAP name, syntax, cardinality,
 * uniqueness, whether it is indexed, who may read and write it, which kinds of entry carry it,
 * whether a sync account owns it on the entries it imported, and how many values one entry may
 * hold ({@code maxValues}: 1 for a single-valued attribute).
 */
public record AttributeDefinition(String name, String ldapName, Syntax syntax, boolean multiValued,
                                  boolean unique, boolean indexed, Visibility visibility, Writer writer,
                                  Set<EntryKind> kinds, boolean syncOwned, int maxValues) {
    public AttributeDefinition {
        kinds = Set.copyOf(kinds);
        if (maxValues < 1 || !multiValued && maxValues != 1) {
            throw new IllegalArgumentException(name + ": maxValues " + maxValues);
        }
    }

    public boolean appliesTo(EntryKind kind) {
        return kinds.contains(kind);
    }

    public boolean writable() {
        return writer != Writer.SYSTEM;
    }
}
