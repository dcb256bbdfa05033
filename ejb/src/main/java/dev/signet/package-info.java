/**
 * Signet's core: everything that is true about identities lives in this module.
 *
 * <p>Packages by feature: {@code domain} (the installation's identity: name, UUID, first boot),
 * {@code status} (readiness), and, as they arrive, {@code model}, {@code schema}, {@code access},
 * {@code credential}, {@code auth}, {@code directory}, {@code sync}, {@code audit}. The web,
 * batch and adapter modules call the session beans here; nothing here imports them.
 */
package dev.signet;
