package dev.signet.schema;

import java.util.Objects;

/**
 * Where an attribute's values are kept on the JPA entities, for the queries that filter by it
 * (REST list filters, LDAP search filters): a path from the entry, a column or a collection
 * table, on every entry or only on the entity of the kinds that carry it (an account's login
 * shell, a group's members).
 *
 * @param path       the JPA attribute, e.g. {@code liveName}, {@code mail}
 * @param collection whether it is an element collection (one row per value)
 * @param onSubtype  whether it lives on the entity of the attribute's kinds rather than on every entry
 */
public record Storage(String path, boolean collection, boolean onSubtype) {
    public Storage {
        Objects.requireNonNull(path, "path");
    }

    /** A column every entry has. */
    public static Storage column(String path) {
        return new Storage(path, false, false);
    }

    /** A collection table every entry has. */
    public static Storage collection(String path) {
        return new Storage(path, true, false);
    }

    /** A column of the entity of the kinds that carry the attribute (accounts, people). */
    public static Storage subtypeColumn(String path) {
        return new Storage(path, false, true);
    }

    /** A collection table of the entity of the kinds that carry the attribute (groups). */
    public static Storage subtypeCollection(String path) {
        return new Storage(path, true, true);
    }
}
