package dev.signet.schema;

import dev.signet.model.EntryKind;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One attribute, declared once: its REST name (lower case), its LDAP name and the other LDAP names
 * it answers to, syntax, cardinality, uniqueness, whether it is indexed, who may read and write it,
 * which kinds of entry carry it, whether a sync account owns it on the entries it imported, how
 * many values one entry may hold ({@code maxValues}: 1 for a single-valued attribute), the range a
 * number must lie in, where it is stored (for queries), how filters compare it, how LDAP writes its
 * values, and which attribute of a source directory it is imported from by default. Built with
 * {@link Schema#attribute} and named setters, so a definition reads as what it says.
 */
public record AttributeDefinition(String name, String ldapName, Syntax syntax, boolean multiValued,
                                  boolean unique, boolean indexed, Visibility visibility, Writer writer,
                                  Set<EntryKind> kinds, boolean syncOwned, int maxValues, Bounds bounds,
                                  Storage storage, Match match, LdapForm ldapForm, Set<String> ldapAliases,
                                  String importedFrom) {
    public AttributeDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ldapName, "ldapName");
        Objects.requireNonNull(syntax, name + ": syntax");
        kinds = Set.copyOf(kinds);
        ldapAliases = Set.copyOf(ldapAliases);
        if (maxValues < 1 || !multiValued && maxValues != 1) {
            throw new IllegalArgumentException(name + ": maxValues " + maxValues);
        }
        if (match != Match.NONE && storage == null) {
            throw new IllegalArgumentException(name + ": a filterable attribute needs its storage");
        }
    }

    public boolean appliesTo(EntryKind kind) {
        return kinds.contains(kind);
    }

    public boolean writable() {
        return writer != Writer.SYSTEM;
    }

    /** Whether LDAP names it {@code ldapAttribute} (any case): its LDAP name or one of its aliases. */
    public boolean answersTo(String ldapAttribute) {
        String lower = ldapAttribute.toLowerCase(Locale.ROOT);
        return ldapName.toLowerCase(Locale.ROOT).equals(lower) || ldapAliases.contains(lower);
    }

    /** Named construction: every property has a default but the name, and says what it sets. */
    public static final class Builder {
        private final String name;
        private String ldapName;
        private Syntax syntax;
        private boolean multiValued;
        private boolean unique;
        private boolean indexed;
        private Visibility visibility = Visibility.PUBLIC;
        private Writer writer = Writer.SYSTEM;
        private Set<EntryKind> kinds = EnumSet.allOf(EntryKind.class);
        private boolean syncOwned;
        private Integer maxValues;
        private Bounds bounds;
        private Storage storage;
        private Match match = Match.NONE;
        private LdapForm ldapForm = LdapForm.TEXT;
        private final Set<String> ldapAliases = new LinkedHashSet<>();
        private String importedFrom;

        Builder(String name) {
            this.name = name;
            this.ldapName = name;
        }

        public Builder ldap(String ldapName, String... aliases) {
            this.ldapName = ldapName;
            for (String alias : aliases) {
                ldapAliases.add(alias.toLowerCase(Locale.ROOT));
            }
            return this;
        }

        public Builder syntax(Syntax syntax) {
            this.syntax = syntax;
            return this;
        }

        /** Multi-valued, without a bound of its own (group members: a group may hold everyone; computed ones). */
        public Builder multiValued() {
            this.multiValued = true;
            return this;
        }

        /** Multi-valued, at most {@code max} values on one entry. */
        public Builder multiValued(int max) {
            this.multiValued = true;
            this.maxValues = max;
            return this;
        }

        public Builder unique() {
            this.unique = true;
            return this;
        }

        public Builder indexed() {
            this.indexed = true;
            return this;
        }

        public Builder visibility(Visibility visibility) {
            this.visibility = visibility;
            return this;
        }

        public Builder writer(Writer writer) {
            this.writer = writer;
            return this;
        }

        public Builder kinds(Set<EntryKind> kinds) {
            this.kinds = kinds;
            return this;
        }

        public Builder syncOwned() {
            this.syncOwned = true;
            return this;
        }

        public Builder bounds(long min, long max) {
            this.bounds = new Bounds(min, max);
            return this;
        }

        /** Where it is stored, and how filters compare it. */
        public Builder stored(Storage storage, Match match) {
            this.storage = storage;
            this.match = match;
            return this;
        }

        /** Where it is stored, for presence filters only. */
        public Builder stored(Storage storage) {
            return stored(storage, Match.NONE);
        }

        public Builder ldapForm(LdapForm ldapForm) {
            this.ldapForm = ldapForm;
            return this;
        }

        /** The attribute a source directory (OpenLDAP, 389-ds, FreeIPA) holds it in. */
        public Builder importedFrom(String sourceAttribute) {
            this.importedFrom = sourceAttribute;
            return this;
        }

        AttributeDefinition build() {
            return new AttributeDefinition(name, ldapName, syntax, multiValued, unique, indexed, visibility, writer, kinds, syncOwned,
                    maxValues != null ? maxValues : multiValued ? Integer.MAX_VALUE : 1, bounds, storage, match, ldapForm,
                    Set.copyOf(List.copyOf(ldapAliases)), importedFrom);
        }
    }
}
