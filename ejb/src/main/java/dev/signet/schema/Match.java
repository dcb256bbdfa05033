package dev.signet.schema;

/**
 * How a filter's assertion value is compared with the stored values (LDAP equality, substrings
 * and ordering; REST list filters by equality).
 */
public enum Match {
    /** Not filterable by value. */
    NONE,
    /** Stored in lower case (names, mail as the schema keeps it): the value is lowered and compared; substrings and ordering apply. */
    LOWER_CASE,
    /** Stored as written, compared ignoring case (display names); substrings apply. */
    IGNORE_CASE,
    /** Compared exactly as written (a login shell). */
    EXACT,
    /** A whole number (POSIX ids); ordering applies. */
    INTEGER,
    /** A UUID. */
    UUID,
    /** Another entry, named by DN, spn or name, stored as its UUID. */
    REFERENCE
}
