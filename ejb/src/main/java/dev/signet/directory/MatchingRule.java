package dev.signet.directory;

import java.util.Arrays;
import java.util.Optional;

/**
 * The matching rules (RFC 4517 4.2) of the attributes Signet serves. A filter names one in an
 * extensible match ({@code (uid:caseExactMatch:=jsmith)}) by name or OID; the equality rules
 * among them can be asked of any attribute whose syntax they compare.
 */
enum MatchingRule {
    OBJECT_IDENTIFIER_MATCH("2.5.13.0", "objectIdentifierMatch", LdapSyntax.OID, true),
    DISTINGUISHED_NAME_MATCH("2.5.13.1", "distinguishedNameMatch", LdapSyntax.DN, true),
    CASE_IGNORE_MATCH("2.5.13.2", "caseIgnoreMatch", LdapSyntax.DIRECTORY_STRING, true),
    CASE_IGNORE_SUBSTRINGS_MATCH("2.5.13.4", "caseIgnoreSubstringsMatch", LdapSyntax.SUBSTRING_ASSERTION, false),
    CASE_EXACT_MATCH("2.5.13.5", "caseExactMatch", LdapSyntax.DIRECTORY_STRING, true),
    BOOLEAN_MATCH("2.5.13.13", "booleanMatch", LdapSyntax.BOOLEAN, true),
    INTEGER_MATCH("2.5.13.14", "integerMatch", LdapSyntax.INTEGER, true),
    INTEGER_ORDERING_MATCH("2.5.13.15", "integerOrderingMatch", LdapSyntax.INTEGER, false),
    OCTET_STRING_MATCH("2.5.13.17", "octetStringMatch", LdapSyntax.OCTET_STRING, true),
    GENERALIZED_TIME_MATCH("2.5.13.27", "generalizedTimeMatch", LdapSyntax.GENERALIZED_TIME, true),
    GENERALIZED_TIME_ORDERING_MATCH("2.5.13.28", "generalizedTimeOrderingMatch", LdapSyntax.GENERALIZED_TIME, false),
    OBJECT_IDENTIFIER_FIRST_COMPONENT_MATCH("2.5.13.30", "objectIdentifierFirstComponentMatch", LdapSyntax.OID, false),
    CASE_EXACT_IA5_MATCH("1.3.6.1.4.1.1466.109.114.1", "caseExactIA5Match", LdapSyntax.IA5_STRING, true),
    CASE_IGNORE_IA5_MATCH("1.3.6.1.4.1.1466.109.114.2", "caseIgnoreIA5Match", LdapSyntax.IA5_STRING, true),
    CASE_IGNORE_IA5_SUBSTRINGS_MATCH("1.3.6.1.4.1.1466.109.114.3", "caseIgnoreIA5SubstringsMatch", LdapSyntax.SUBSTRING_ASSERTION, false),
    /** RFC 4530 3.1, 3.2 */
    UUID_MATCH("1.3.6.1.1.16.2", "uuidMatch", LdapSyntax.UUID, true),
    UUID_ORDERING_MATCH("1.3.6.1.1.16.3", "uuidOrderingMatch", LdapSyntax.UUID, false);

    private final String oid;
    private final String ruleName;
    private final LdapSyntax syntax;
    private final boolean equality;

    MatchingRule(String oid, String ruleName, LdapSyntax syntax, boolean equality) {
        this.oid = oid;
        this.ruleName = ruleName;
        this.syntax = syntax;
        this.equality = equality;
    }

    /** The rule a filter names, by name (any case) or OID. */
    static Optional<MatchingRule> named(String nameOrOid) {
        String wanted = nameOrOid.trim();
        return Arrays.stream(values()).filter(r -> r.oid.equals(wanted) || r.ruleName.equalsIgnoreCase(wanted)).findFirst();
    }

    String oid() {
        return oid;
    }

    String ruleName() {
        return ruleName;
    }

    /**
     * Whether an extensible match may use this rule on values of {@code values}: an equality rule
     * of the same syntax; the string rules compare Directory and IA5 strings alike (an IA5 string
     * is a Directory String too).
     */
    boolean comparesEquality(LdapSyntax values) {
        return equality && (syntax == values || syntax.isString() && values.isString());
    }

    /** Whether the rule tells letters of different case apart. */
    boolean caseExact() {
        return this == CASE_EXACT_MATCH || this == CASE_EXACT_IA5_MATCH;
    }

    /** RFC 4512 4.1.3: the value of {@code matchingRules} in the subschema entry. */
    String definition() {
        return "( " + oid + " NAME '" + ruleName + "' SYNTAX " + syntax.oid() + " )";
    }
}
