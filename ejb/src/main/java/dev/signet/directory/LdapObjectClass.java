package dev.signet.directory;

import java.util.List;

/**
 * One object class as LDAP clients read it from the subschema entry (RFC 4512 4.1.1), e.g.
 * {@code ( 1.3.6.1.1.1.2.0 NAME 'posixAccount' SUP top AUXILIARY MUST ( cn $ uid ) MAY loginShell )}.
 *
 * @param kind {@code ABSTRACT}, {@code STRUCTURAL} or {@code AUXILIARY}
 */
record LdapObjectClass(String oid, String name, String superior, String kind, List<String> must, List<String> may) {
    LdapObjectClass {
        must = List.copyOf(must);
        may = List.copyOf(may);
    }

    /** RFC 4512 4.1.1: the value of {@code objectClasses} in the subschema entry. */
    String definition() {
        StringBuilder text = new StringBuilder("( ").append(oid).append(" NAME '").append(name).append('\'');
        if (superior != null) {
            text.append(" SUP ").append(superior);
        }
        text.append(' ').append(kind);
        list(text, "MUST", must);
        list(text, "MAY", may);
        return text.append(" )").toString();
    }

    private static void list(StringBuilder text, String keyword, List<String> names) {
        if (names.size() == 1) {
            text.append(' ').append(keyword).append(' ').append(names.get(0));
        } else if (!names.isEmpty()) {
            text.append(' ').append(keyword).append(" ( ").append(String.join(" $ ", names)).append(" )");
        }
    }
}
