/**
 * Signet's core: everything that is true about identities lives in this module.
 *
 * <p>Packages by feature, each with its own {@code package-info} saying what it owns and must not
 * do: {@code domain} (the installation's identity), {@code status} (readiness), {@code model} (the
 * entry entities), {@code schema}, {@code entry} (the one write path), {@code access},
 * {@code credential}, {@code auth}, {@code recovery}, {@code oauth2}, {@code directory} (LDAP),
 * {@code sync}, {@code radius}, {@code audit}, {@code secret} and {@code fault}. The web, batch and
 * adapter modules call the session beans here; nothing here imports them.
 *
 * <p><b>Why the session beans are {@code @PermitAll}.</b> Access is decided in code, not by
 * container roles: {@code access.AccessControl} decides per entry, attribute and operation from the
 * caller's groups and session (read-write window, self-service), which a role list on a method cannot
 * express. {@code @PermitAll} only says the container lets the call in; every public operation then
 * checks its caller itself, or is reached only through a bean that has: where the check lives
 * elsewhere (the token service, the bound LDAP identity, the sync token), a {@code // access checked:}
 * line beside {@code @PermitAll} says where.
 */
package dev.signet;
