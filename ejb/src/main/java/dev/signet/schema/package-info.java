/**
 * The attribute registry: every attribute an entry can have, declared once.
 *
 * <p>Owns: the attribute definitions (REST and LDAP names, syntax and normalisation, cardinality,
 * bounds, uniqueness, who may read and write, the kinds that carry it, how filters compare it,
 * how LDAP writes it, where it is stored on the entities), the claims on unique values shared by
 * entries, OAuth2 clients and sync accounts, how things outside the entry store are named, and
 * the one IN-list chunking helper ({@code InLists}).
 *
 * <p>Must not: depend on features above it (only {@code model} and {@code fault}), decide access
 * for a caller (it declares who may, {@code access} decides), or write entries.
 */
package dev.signet.schema;
