package dev.signet.directory;

/**
 * One attribute type as LDAP clients read it from the subschema entry (RFC 4512 4.1.2), e.g.
 * {@code ( 0.9.2342.19200300.100.1.1 NAME 'uid' EQUALITY caseIgnoreMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 )}.
 *
 * @param equality  the rule a plain {@code (attr=value)} and an extensible match without a rule use; null if none
 * @param substring the rule of {@code (attr=x*y)}; null if none
 * @param ordering  the rule of {@code >=} and {@code <=}; null if none
 * @param usage     null for a user attribute, else RFC 4512's usage ({@code directoryOperation}, {@code dSAOperation})
 */
record LdapAttributeType(String oid, String name, String superior, MatchingRule equality, MatchingRule ordering, MatchingRule substring,
                         LdapSyntax syntax, boolean singleValued, boolean systemOnly, String usage) {

    static LdapAttributeType user(String oid, String name, MatchingRule equality, MatchingRule substring, LdapSyntax syntax, boolean single) {
        return new LdapAttributeType(oid, name, null, equality, null, substring, syntax, single, false, null);
    }

    /** An attribute Signet computes (NO-USER-MODIFICATION) that clients read only when they ask for it or for {@code +}. */
    static LdapAttributeType operational(String oid, String name, MatchingRule equality, MatchingRule ordering, LdapSyntax syntax,
                                         boolean single, String usage) {
        return new LdapAttributeType(oid, name, null, equality, ordering, null, syntax, single, true, usage);
    }

    /** A subtype that inherits its superior's rules and syntax (X.520's {@code cn} under {@code name}). */
    static LdapAttributeType subtype(String oid, String name, LdapAttributeType superior) {
        return new LdapAttributeType(oid, name, superior.name(), superior.equality(), superior.ordering(), superior.substring(),
                superior.syntax(), false, false, null);
    }

    boolean operational() {
        return usage != null;
    }

    /** RFC 4512 4.1.2: the value of {@code attributeTypes} in the subschema entry. */
    String definition() {
        StringBuilder text = new StringBuilder("( ").append(oid).append(" NAME '").append(name).append('\'');
        if (superior != null) {
            text.append(" SUP ").append(superior);
        }
        if (equality != null) {
            text.append(" EQUALITY ").append(equality.ruleName());
        }
        if (ordering != null) {
            text.append(" ORDERING ").append(ordering.ruleName());
        }
        if (substring != null) {
            text.append(" SUBSTR ").append(substring.ruleName());
        }
        text.append(" SYNTAX ").append(syntax.oid());
        if (singleValued) {
            text.append(" SINGLE-VALUE");
        }
        if (systemOnly) {
            text.append(" NO-USER-MODIFICATION");
        }
        if (usage != null) {
            text.append(" USAGE ").append(usage);
        }
        return text.append(" )").toString();
    }
}
