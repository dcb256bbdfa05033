/**
 * Random secrets: every token, code, salt, key and challenge Signet makes comes from the one
 * {@code SecureRandom} of {@code RandomTokens}.
 *
 * <p>Must not: depend on any other package, store or log what it makes.
 */
package dev.signet.secret;
