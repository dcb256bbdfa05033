/**
 * Getting in when nobody can: first boot and account recovery from the server's own machine.
 *
 * <p>Owns: first boot (the built-in groups, and {@code admin} and {@code idm_admin} with random
 * passwords written to an owner-only file), the recovery socket the {@code recover-account}
 * command talks to, and the proof that a call comes from it ({@code LocalOperator}).
 *
 * <p>Must not: be reachable from a network protocol, have a default password, or log a password
 * (the server log says where it is, never what).
 */
package dev.signet.recovery;
