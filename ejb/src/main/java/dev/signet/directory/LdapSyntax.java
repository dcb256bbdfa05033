package dev.signet.directory;

/** The LDAP syntaxes (RFC 4517 3.3) of the values Signet serves, by their registered OIDs. */
enum LdapSyntax {
    ATTRIBUTE_TYPE_DESCRIPTION("1.3.6.1.4.1.1466.115.121.1.3", "Attribute Type Description"),
    BOOLEAN("1.3.6.1.4.1.1466.115.121.1.7", "Boolean"),
    DN("1.3.6.1.4.1.1466.115.121.1.12", "DN"),
    DIRECTORY_STRING("1.3.6.1.4.1.1466.115.121.1.15", "Directory String"),
    GENERALIZED_TIME("1.3.6.1.4.1.1466.115.121.1.24", "Generalized Time"),
    IA5_STRING("1.3.6.1.4.1.1466.115.121.1.26", "IA5 String"),
    INTEGER("1.3.6.1.4.1.1466.115.121.1.27", "INTEGER"),
    MATCHING_RULE_DESCRIPTION("1.3.6.1.4.1.1466.115.121.1.30", "Matching Rule Description"),
    OBJECT_CLASS_DESCRIPTION("1.3.6.1.4.1.1466.115.121.1.37", "Object Class Description"),
    OID("1.3.6.1.4.1.1466.115.121.1.38", "OID"),
    OCTET_STRING("1.3.6.1.4.1.1466.115.121.1.40", "Octet String"),
    SUBTREE_SPECIFICATION("1.3.6.1.4.1.1466.115.121.1.45", "Subtree Specification"),
    SUBSTRING_ASSERTION("1.3.6.1.4.1.1466.115.121.1.58", "Substring Assertion"),
    SYNTAX_DESCRIPTION("1.3.6.1.4.1.1466.115.121.1.54", "LDAP Syntax Description"),
    /** RFC 4530 2.1 */
    UUID("1.3.6.1.1.16.1", "UUID");

    private final String oid;
    private final String description;

    LdapSyntax(String oid, String description) {
        this.oid = oid;
        this.description = description;
    }

    String oid() {
        return oid;
    }

    /** RFC 4512 4.1.5: the value of {@code ldapSyntaxes} in the subschema entry. */
    String definition() {
        return "( " + oid + " DESC '" + description + "' )";
    }

    boolean isString() {
        return this == DIRECTORY_STRING || this == IA5_STRING;
    }
}
