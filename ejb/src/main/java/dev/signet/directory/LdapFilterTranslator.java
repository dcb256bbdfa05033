package dev.signet.directory;

import dev.signet.adapter.ldap.LdapFilter;
import dev.signet.model.EntryKind;
import dev.signet.schema.AttributeDefinition;
import dev.signet.schema.Match;
import dev.signet.schema.Schema;
import dev.signet.schema.Visibility;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * An RFC 4511 filter, as the codec decoded it, as conditions on entries ({@link EntryConditions}:
 * JPA criteria in the directory, so the database answers it through its indexes). What each
 * attribute means comes from the schema registry: its LDAP names, where it is stored, how it is
 * compared, who may read it. An attribute Signet does not have matches nothing; so does one the
 * caller may not read (mail and other private attributes without idm_account_read_priv); so does
 * a value the attribute's syntax cannot hold (RFC 4511 4.5.1.7: Undefined). The rest is LDAP's
 * own: object classes, the spn, group members and memberUid (RFC 2307), the home directory.
 *
 * @param <P> a condition
 */
final class LdapFilterTranslator<P> {
    private static final Set<EntryKind> EVERY_KIND = EnumSet.allOf(EntryKind.class);
    private static final Set<EntryKind> ACCOUNTS = EnumSet.of(EntryKind.PERSON, EntryKind.SERVICE_ACCOUNT);
    private static final List<String> PERSON_CLASSES = List.of("person", "organizationalperson", "inetorgperson");
    private static final List<String> GROUP_CLASSES = List.of("group", "groupofnames", "groupofuniquenames");
    private static final AttributeDefinition POSIX_ID = Schema.find(Schema.GIDNUMBER).orElseThrow();

    private final EntryConditions<P> is;
    private final LdapNames names;
    private final boolean mayFilterPrivate;
    private final Function<String, Optional<UUID>> uuidOfName;

    /**
     * @param mayFilterPrivate whether the caller may read private attributes (idm_account_read_priv, admins)
     * @param uuidOfName       how a referenced entry's name (in member and memberOf values) becomes its UUID
     */
    LdapFilterTranslator(EntryConditions<P> conditions, LdapNames names, boolean mayFilterPrivate, Function<String, Optional<UUID>> uuidOfName) {
        this.is = conditions;
        this.names = names;
        this.mayFilterPrivate = mayFilterPrivate;
        this.uuidOfName = uuidOfName;
    }

    P translate(LdapFilter filter) {
        if (filter instanceof LdapFilter.And and) {
            return is.and(each(and.components()));
        }
        if (filter instanceof LdapFilter.Or or) {
            return is.or(each(or.components()));
        }
        if (filter instanceof LdapFilter.Not not) {
            return is.not(translate(not.component()));
        }
        if (filter instanceof LdapFilter.Present f) {
            return present(attribute(f.attribute()));
        }
        if (filter instanceof LdapFilter.Equality f) {
            return equal(attribute(f.attribute()), f.value(), false);
        }
        if (filter instanceof LdapFilter.Approximate f) {
            return equal(attribute(f.attribute()), f.value(), false);
        }
        if (filter instanceof LdapFilter.Substrings f) {
            return like(attribute(f.attribute()), pattern(f));
        }
        if (filter instanceof LdapFilter.GreaterOrEqual f) {
            return ordered(attribute(f.attribute()), f.value(), true);
        }
        if (filter instanceof LdapFilter.LessOrEqual f) {
            return ordered(attribute(f.attribute()), f.value(), false);
        }
        return extensible((LdapFilter.ExtensibleMatch) filter);
    }

    private List<P> each(List<LdapFilter> components) {
        List<P> conditions = new ArrayList<>(components.size());
        for (LdapFilter component : components) {
            conditions.add(translate(component));
        }
        return conditions;
    }

    /** An attribute description (RFC 4512 2.5) as its type in lower case, options dropped. */
    private static String attribute(String description) {
        String name = description.toLowerCase(Locale.ROOT);
        int options = name.indexOf(';');
        return options < 0 ? name : name.substring(0, options);
    }

    private P present(String attribute) {
        switch (attribute) {
            case "objectclass", "spn" -> {
                return is.all();
            }
            case "member", "uniquemember" -> {
                return is.groupWithMember(null);
            }
            case "memberuid" -> {
                return is.groupWithPosixMember(null);
            }
            case "homedirectory" -> {
                return onlyFor(ACCOUNTS, is.present(POSIX_ID.storage(), EVERY_KIND));
            }
            default -> {
                return filterable(attribute).map(def -> onlyFor(def.kinds(), is.present(def.storage(), def.kinds()))).orElse(is.none());
            }
        }
    }

    private P equal(String attribute, String value, boolean caseExact) {
        String lower = value.toLowerCase(Locale.ROOT);
        switch (attribute) {
            case "objectclass" -> {
                return objectClass(lower);
            }
            case "spn" -> {
                if (caseExact && !value.equals(lower)) {
                    return is.none();
                }
                return lower.endsWith("@" + names.domain())
                        ? equal(Schema.NAME, lower.substring(0, lower.length() - names.domain().length() - 1), false) : is.none();
            }
            case "member", "uniquemember" -> {
                return reference(value).map(is::groupWithMember).orElse(is.none());
            }
            case "memberuid" -> {
                // names are stored in lower case: a value with capitals names no one exactly
                return caseExact && !value.equals(lower) ? is.none() : is.groupWithPosixMember(lower);
            }
            default -> {
                Optional<AttributeDefinition> found = filterable(attribute);
                if (found.isEmpty()) {
                    return is.none();
                }
                AttributeDefinition def = found.get();
                Optional<Object> stored = switch (def.match()) {
                    // caseExactMatch compares with what is stored as given: a name with capitals names no one
                    case LOWER_CASE -> Optional.of(caseExact ? value : lower);
                    case IGNORE_CASE -> Optional.of(caseExact ? value : lower);
                    case EXACT -> Optional.of(value);
                    case INTEGER -> number(value).map(n -> n);
                    case UUID -> uuid(lower).map(u -> u);
                    case REFERENCE -> reference(value).map(u -> u);
                    case NONE -> Optional.empty();
                };
                boolean lowerStored = def.match() == Match.IGNORE_CASE && !caseExact;
                return stored.map(v -> onlyFor(def.kinds(), is.equal(def.storage(), def.kinds(), v, lowerStored))).orElse(is.none());
            }
        }
    }

    private P like(String attribute, String pattern) {
        Optional<AttributeDefinition> def = filterable(attribute)
                .filter(d -> d.match() == Match.LOWER_CASE || d.match() == Match.IGNORE_CASE);
        return def.map(d -> onlyFor(d.kinds(), is.like(d.storage(), d.kinds(), pattern, d.match() == Match.IGNORE_CASE))).orElse(is.none());
    }

    /** Ordering: whole numbers, and the names (stored in lower case, compared as text). */
    private P ordered(String attribute, String value, boolean atLeast) {
        Optional<AttributeDefinition> found = filterable(attribute).filter(d -> !d.storage().collection());
        if (found.isEmpty()) {
            return is.none();
        }
        AttributeDefinition def = found.get();
        if (def.match() == Match.INTEGER) {
            return number(value).map(n -> onlyFor(def.kinds(), is.ordered(def.storage(), def.kinds(), n, atLeast))).orElse(is.none());
        }
        if (def.match() == Match.LOWER_CASE) {
            return onlyFor(def.kinds(), is.ordered(def.storage(), def.kinds(), value.toLowerCase(Locale.ROOT), atLeast));
        }
        return is.none();
    }

    /**
     * The schema attribute an LDAP attribute names, when the caller may filter by it: it is
     * stored, and public, or the caller may read private attributes.
     */
    private Optional<AttributeDefinition> filterable(String attribute) {
        return Schema.byLdapName(attribute).filter(def -> def.storage() != null)
                .filter(def -> def.visibility() == Visibility.PUBLIC || mayFilterPrivate);
    }

    /** The condition, on the kinds that carry the attribute only (uidNumber: accounts). */
    private P onlyFor(Set<EntryKind> kinds, P condition) {
        return kinds.equals(EVERY_KIND) ? condition : is.and(List.of(is.kindIn(kinds), condition));
    }

    private P objectClass(String value) {
        if (value.equals("top")) {
            return is.all();
        }
        if (PERSON_CLASSES.contains(value)) {
            return is.kindIn(EnumSet.of(EntryKind.PERSON));
        }
        if (value.equals("account")) {
            return is.kindIn(ACCOUNTS);
        }
        if (value.equals("posixaccount")) {
            return is.and(List.of(is.kindIn(ACCOUNTS), is.present(POSIX_ID.storage(), EVERY_KIND)));
        }
        if (GROUP_CLASSES.contains(value)) {
            return is.kindIn(EnumSet.of(EntryKind.GROUP));
        }
        if (value.equals("posixgroup")) {
            // an account's personal group is a posixGroup too (Kanidm's model: one id for both)
            return is.present(POSIX_ID.storage(), EVERY_KIND);
        }
        return is.none();
    }

    /**
     * RFC 4511 4.5.1.7.7 {@code (attr:rule:=value)}: with no rule, the attribute's own equality;
     * with an equality rule of the attribute's syntax, that rule (caseExactMatch compares the value
     * as given, the others as equality does). Other rules, matching against the DN's attributes
     * ({@code :dn:}) and rules without an attribute are answered inappropriateMatching, as OpenLDAP
     * does. An attribute Signet does not serve matches nothing, as in any filter.
     */
    private P extensible(LdapFilter.ExtensibleMatch filter) {
        String ruleId = filter.matchingRule();
        if (filter.dnAttributes()) {
            throw new InappropriateMatching("matching the attributes of the DN (:dn:) is not supported");
        }
        if (filter.attribute() == null) {
            throw new InappropriateMatching("an extensible match needs an attribute type: matching every attribute is not supported");
        }
        Optional<MatchingRule> rule = ruleId == null ? Optional.empty() : MatchingRule.named(ruleId);
        if (ruleId != null && rule.isEmpty()) {
            throw new InappropriateMatching("matching rule " + ruleId + " is not supported");
        }
        String attribute = attribute(filter.attribute());
        Optional<LdapAttributeType> type = Subschema.attributeType(attribute);
        if (type.isEmpty()) {
            return is.none();
        }
        if (rule.isPresent() && !rule.get().comparesEquality(type.get().syntax())) {
            throw new InappropriateMatching("matching rule " + rule.get().ruleName() + " does not apply to " + type.get().name());
        }
        return equal(attribute, filter.value(), rule.filter(MatchingRule::caseExact).isPresent());
    }

    /** A DN (or spn or name) of one of our entries, as its UUID. */
    private Optional<UUID> reference(String dn) {
        return names.nameOf(dn).flatMap(uuidOfName);
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> number(String value) {
        try {
            return Optional.of(Integer.valueOf(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A substring filter as a LIKE pattern; %, _ and \\ in the values are literals. */
    private static String pattern(LdapFilter.Substrings filter) {
        List<String> parts = new ArrayList<>();
        parts.add(filter.initial() == null ? "" : escape(filter.initial()));
        for (String any : filter.any()) {
            parts.add(escape(any));
        }
        parts.add(filter.last() == null ? "" : escape(filter.last()));
        return String.join("%", parts).toLowerCase(Locale.ROOT);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
