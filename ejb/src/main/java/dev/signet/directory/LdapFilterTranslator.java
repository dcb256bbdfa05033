package dev.signet.directory;

import com.unboundid.ldap.sdk.Filter;
import dev.signet.model.Account;
import dev.signet.model.Entry;
import dev.signet.model.Group;
import dev.signet.model.Person;
import dev.signet.model.ServiceAccount;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * An RFC 4515 filter as a JPA criteria predicate on {@link Entry}, so the database answers it
 * through its indexes: names, mail, gid numbers, UUIDs and memberships are columns or indexed
 * collection tables. Values are bound parameters, never spliced into a query, so a filter value
 * is only ever a value. An attribute Signet does not have matches nothing; so does one the
 * caller may not read (mail and other private attributes without idm_account_read_priv).
 */
final class LdapFilterTranslator {
    private static final List<String> PERSON_CLASSES = List.of("person", "organizationalperson", "inetorgperson");
    private static final List<String> GROUP_CLASSES = List.of("group", "groupofnames", "groupofuniquenames");

    private final CriteriaBuilder cb;
    private final CriteriaQuery<?> query;
    private final Root<Entry> entry;
    private final LdapNames names;
    private final boolean mayFilterPrivate;
    private final Function<String, Optional<UUID>> uuidOfName;

    /**
     * @param uuidOfName how a referenced entry's name (in member and memberOf values) becomes its UUID
     */
    LdapFilterTranslator(CriteriaBuilder cb, CriteriaQuery<?> query, Root<Entry> entry, LdapNames names, boolean mayFilterPrivate,
                         Function<String, Optional<UUID>> uuidOfName) {
        this.cb = cb;
        this.query = query;
        this.entry = entry;
        this.names = names;
        this.mayFilterPrivate = mayFilterPrivate;
        this.uuidOfName = uuidOfName;
    }

    Predicate translate(Filter filter) {
        return switch (filter.getFilterType()) {
            case Filter.FILTER_TYPE_AND -> cb.and(each(filter.getComponents()));
            case Filter.FILTER_TYPE_OR -> cb.or(each(filter.getComponents()));
            case Filter.FILTER_TYPE_NOT -> cb.not(translate(filter.getNOTComponent()));
            case Filter.FILTER_TYPE_PRESENCE -> present(attribute(filter));
            case Filter.FILTER_TYPE_EQUALITY, Filter.FILTER_TYPE_APPROXIMATE_MATCH -> equal(attribute(filter), filter.getAssertionValue());
            case Filter.FILTER_TYPE_SUBSTRING -> like(attribute(filter), pattern(filter));
            case Filter.FILTER_TYPE_GREATER_OR_EQUAL -> compare(attribute(filter), filter.getAssertionValue(), true);
            case Filter.FILTER_TYPE_LESS_OR_EQUAL -> compare(attribute(filter), filter.getAssertionValue(), false);
            case Filter.FILTER_TYPE_EXTENSIBLE_MATCH -> extensible(filter);
            default -> cb.disjunction();
        };
    }

    private Predicate[] each(Filter[] components) {
        Predicate[] predicates = new Predicate[components.length];
        for (int i = 0; i < components.length; i++) {
            predicates[i] = translate(components[i]);
        }
        return predicates;
    }

    private static String attribute(Filter filter) {
        String name = filter.getAttributeName().toLowerCase(Locale.ROOT);
        int options = name.indexOf(';');
        return options < 0 ? name : name.substring(0, options);
    }

    private Predicate present(String attribute) {
        return switch (attribute) {
            case "objectclass", "uid", "cn", "name", "spn", "entryuuid" -> cb.conjunction();
            case "displayname", "gecos" -> entry.get("displayname").isNotNull();
            case "description" -> entry.get("description").isNotNull();
            case "gidnumber" -> entry.get("gidnumber").isNotNull();
            case "uidnumber", "homedirectory" -> cb.and(accounts(), entry.get("gidnumber").isNotNull());
            case "loginshell" -> cb.isNotNull(cb.treat(entry, dev.signet.model.Account.class).get("loginshell"));
            case "mail" -> mayFilterPrivate ? cb.isNotEmpty(entry.get("mail")) : cb.disjunction();
            case "memberof" -> cb.isNotEmpty(entry.get("memberOf"));
            case "member", "uniquemember" -> groupsWhereMember(m -> cb.conjunction());
            case "memberuid" -> groupsWhereMember(m -> m.in(posixAccounts(null)));
            default -> cb.disjunction();
        };
    }

    private Predicate equal(String attribute, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return switch (attribute) {
            case "objectclass" -> objectClass(lower);
            case "uid", "cn", "name" -> cb.equal(entry.get("liveName"), lower);
            case "spn" -> lower.endsWith("@" + names.domain())
                    ? cb.equal(entry.get("liveName"), lower.substring(0, lower.length() - names.domain().length() - 1)) : cb.disjunction();
            case "entryuuid" -> uuid(lower).map(u -> cb.equal(entry.get("uuid"), u)).orElse(cb.disjunction());
            case "displayname", "gecos" -> cb.equal(cb.lower(entry.get("displayname")), lower);
            case "gidnumber" -> number(value).map(n -> cb.equal(entry.get("gidnumber"), n)).orElse(cb.disjunction());
            case "uidnumber" -> number(value).map(n -> cb.and(accounts(), cb.equal(entry.get("gidnumber"), n))).orElse(cb.disjunction());
            case "loginshell" -> cb.equal(cb.treat(entry, dev.signet.model.Account.class).get("loginshell"), value);
            case "mail" -> mayFilterPrivate ? inCollection("mail", m -> cb.equal(m, lower)) : cb.disjunction();
            case "memberof" -> reference(value).map(u -> inCollection("memberOf", m -> cb.equal(m, u))).orElse(cb.disjunction());
            case "member", "uniquemember" -> reference(value).map(u -> groupsWhereMember(m -> cb.equal(m, u))).orElse(cb.disjunction());
            case "memberuid" -> memberNamed(lower);
            default -> cb.disjunction();
        };
    }

    private Predicate like(String attribute, String pattern) {
        return switch (attribute) {
            case "uid", "cn", "name" -> cb.like(entry.get("liveName"), pattern, '\\');
            case "displayname", "gecos" -> cb.like(cb.lower(entry.get("displayname")), pattern, '\\');
            case "mail" -> mayFilterPrivate ? inCollection("mail", m -> cb.like(m.as(String.class), pattern, '\\')) : cb.disjunction();
            default -> cb.disjunction();
        };
    }

    private Predicate compare(String attribute, String value, boolean atLeast) {
        return switch (attribute) {
            case "gidnumber", "uidnumber" -> number(value).map(n -> {
                Expression<Integer> gid = entry.get("gidnumber");
                Predicate bound = atLeast ? cb.greaterThanOrEqualTo(gid, n) : cb.lessThanOrEqualTo(gid, n);
                return attribute.equals("uidnumber") ? cb.and(accounts(), bound) : bound;
            }).orElse(cb.disjunction());
            case "uid", "cn", "name" -> atLeast ? cb.greaterThanOrEqualTo(entry.get("liveName"), value.toLowerCase(Locale.ROOT))
                    : cb.lessThanOrEqualTo(entry.get("liveName"), value.toLowerCase(Locale.ROOT));
            default -> cb.disjunction();
        };
    }

    private Predicate objectClass(String value) {
        if (value.equals("top")) {
            return cb.conjunction();
        }
        if (PERSON_CLASSES.contains(value)) {
            return kind(Person.class);
        }
        if (value.equals("account")) {
            return accounts();
        }
        if (value.equals("posixaccount")) {
            return cb.and(accounts(), entry.get("gidnumber").isNotNull());
        }
        if (GROUP_CLASSES.contains(value)) {
            return kind(Group.class);
        }
        if (value.equals("posixgroup")) {
            // an account's personal group is a posixGroup too (Kanidm's model: one id for both)
            return entry.get("gidnumber").isNotNull();
        }
        return cb.disjunction();
    }

    private Predicate kind(Class<? extends Entry> type) {
        return cb.equal(entry.type(), type);
    }

    private Predicate accounts() {
        return cb.or(kind(Person.class), kind(ServiceAccount.class));
    }

    private <T> Predicate inCollection(String collection, Function<Join<Entry, T>, Predicate> condition) {
        Subquery<Integer> sub = query.subquery(Integer.class);
        Root<Entry> same = sub.correlate(entry);
        Join<Entry, T> value = same.join(collection);
        return cb.exists(sub.select(cb.literal(1)).where(condition.apply(value)));
    }

    /**
     * The entry is a group with a member that meets the condition: an uncorrelated IN over the
     * member table (indexed by member), not a TREAT of the outer entry, which Hibernate cannot
     * nest in an OR of two such conditions (nslcd's initgroups filter).
     */
    private Predicate groupsWhereMember(Function<Path<UUID>, Predicate> condition) {
        Subquery<UUID> sub = query.subquery(UUID.class);
        Root<Group> group = sub.from(Group.class);
        Join<Group, UUID> member = group.join("members");
        return entry.get("uuid").in(sub.select(group.get("uuid")).where(condition.apply(member)));
    }

    /** memberUid lists the POSIX accounts among a group's members (RFC 2307), so only they match it. */
    private Predicate memberNamed(String name) {
        return groupsWhereMember(m -> m.in(posixAccounts(name)));
    }

    /** The UUIDs of the live POSIX accounts, or of the one with that name. */
    private Subquery<UUID> posixAccounts(String name) {
        Subquery<UUID> accounts = query.subquery(UUID.class);
        Root<Account> account = accounts.from(Account.class);
        List<Predicate> where = new ArrayList<>(List.of(account.get("recycledAt").isNull(), account.get("gidnumber").isNotNull()));
        if (name != null) {
            where.add(cb.equal(account.get("liveName"), name));
        }
        return accounts.select(account.get("uuid")).where(where.toArray(Predicate[]::new));
    }

    /**
     * RFC 4511 4.5.1.7.7 {@code (attr:rule:=value)}: with no rule, the attribute's own equality;
     * with an equality rule of the attribute's syntax, that rule (caseExactMatch compares the value
     * as given, the others as equality does). Other rules, matching against the DN's attributes
     * ({@code :dn:}) and rules without an attribute are answered inappropriateMatching, as OpenLDAP
     * does. An attribute Signet does not serve matches nothing, as in any filter.
     */
    private Predicate extensible(Filter filter) {
        String ruleId = filter.getMatchingRuleID();
        if (filter.getDNAttributes()) {
            throw new InappropriateMatching("matching the attributes of the DN (:dn:) is not supported");
        }
        if (filter.getAttributeName() == null) {
            throw new InappropriateMatching("an extensible match needs an attribute type: matching every attribute is not supported");
        }
        Optional<MatchingRule> rule = ruleId == null ? Optional.empty() : MatchingRule.named(ruleId);
        if (ruleId != null && rule.isEmpty()) {
            throw new InappropriateMatching("matching rule " + ruleId + " is not supported");
        }
        String attribute = attribute(filter);
        Optional<LdapAttributeType> type = Subschema.attributeType(attribute);
        if (type.isEmpty()) {
            return cb.disjunction();
        }
        if (rule.isPresent() && !rule.get().comparesEquality(type.get().syntax())) {
            throw new InappropriateMatching("matching rule " + rule.get().ruleName() + " does not apply to " + type.get().name());
        }
        String value = filter.getAssertionValue();
        return rule.filter(MatchingRule::caseExact).isPresent() ? exactly(attribute, value) : equal(attribute, value);
    }

    /** caseExactMatch: names are stored in lower case, so a value with capitals names no entry. */
    private Predicate exactly(String attribute, String value) {
        return switch (attribute) {
            case "uid", "cn", "name", "spn", "memberuid" -> value.equals(value.toLowerCase(Locale.ROOT)) ? equal(attribute, value) : cb.disjunction();
            case "displayname", "gecos" -> cb.equal(entry.get("displayname"), value);
            case "mail" -> mayFilterPrivate ? inCollection("mail", m -> cb.equal(m, value)) : cb.disjunction();
            default -> equal(attribute, value);
        };
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
    private static String pattern(Filter filter) {
        List<String> parts = new ArrayList<>();
        parts.add(filter.getSubInitialString() == null ? "" : escape(filter.getSubInitialString()));
        for (String any : filter.getSubAnyStrings()) {
            parts.add(escape(any));
        }
        parts.add(filter.getSubFinalString() == null ? "" : escape(filter.getSubFinalString()));
        return String.join("%", parts).toLowerCase(Locale.ROOT);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
