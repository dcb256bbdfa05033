/**
 * The credentials an account proves itself with, and the policies they must meet.
 *
 * <p>Owns: passwords (Argon2id in PHC form with a cost calibrated on first boot, imported hashes
 * of other directories, rehash on login, history, the password policy and the bad-password list,
 * the bound on concurrent checks), TOTP authenticators (secret sealed with the key-encryption
 * key), backup codes and other random secrets stored as digests, passkeys (WebAuthn ceremonies
 * through WebAuthn4J, challenges in the cluster cache), and account policies: what the groups of
 * an account add up to.
 *
 * <p>Must not: issue tokens or sessions, count failures towards lockout (both {@code auth}), keep
 * a secret where it can be read back unless it must be (TOTP), or log one.
 */
package dev.signet.credential;
