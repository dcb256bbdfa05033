package dev.signet.schema;

/** Who may write an attribute's values. */
public enum Writer {
    /** Computed by Signet; no one writes it directly. */
    SYSTEM,
    /** The admins of the entry's kind. */
    ADMIN,
    /** The entry itself or the admins of its kind. */
    SELF_OR_ADMIN
}
