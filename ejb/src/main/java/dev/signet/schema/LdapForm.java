package dev.signet.schema;

/** How an attribute's stored values are written in LDAP results. */
public enum LdapForm {
    /** As stored. */
    TEXT,
    /** An ISO-8601 instant as Generalized Time (RFC 4517 3.3.13). */
    GENERALIZED_TIME,
    /** true/false as an LDAP Boolean, TRUE or FALSE (RFC 4517 3.3.3). */
    BOOLEAN,
    /** A reference to another entry, as its DN. */
    DN,
    /** A tagged key ({@code tag: ssh-ed25519 AAAA...}) as the key alone, as openssh-lpk clients read it. */
    SSH_KEY,
    /** Not served as itself: LDAP has its own form of it (objectClass from the kind and POSIX-ness). */
    NOT_SERVED
}
