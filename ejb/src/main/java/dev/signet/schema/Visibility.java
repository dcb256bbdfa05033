package dev.signet.schema;

/** Who may read an attribute's values. */
public enum Visibility {
    /** Any authenticated account (what NSS, SSH and group lookups need). */
    PUBLIC,
    /** The entry itself, readers with idm_account_read_priv, and the admins of its kind. */
    PRIVATE
}
