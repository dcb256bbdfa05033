package dev.signet.credential;

import java.util.Optional;

/**
 * What checking a password against an account's stored hash found: whether it matches and, for a
 * match made with an old Argon2id cost or an imported scheme, the Argon2id hash to store instead.
 * Every check spends at least one Argon2id computation, whatever the account holds (nothing, an
 * Argon2id hash, a fast imported {SSHA} or a malformed value), so the time of a failure does not
 * tell an unknown name from an account, nor an imported hash from a native one.
 */
public record PasswordCheck(boolean matches, String upgradedHash, String upgradeReason) {
    static final PasswordCheck MISMATCH = new PasswordCheck(false, null, null);

    /** The Argon2id computations a check makes: {@link PasswordHash}'s; a test may count them. */
    interface Argon2id {
        Argon2id REAL = new Argon2id() {
            @Override
            public boolean verify(char[] password, String phc) {
                return PasswordHash.verify(password, phc);
            }

            @Override
            public String hash(char[] password, HashCost cost) {
                return PasswordHash.hash(password, cost);
            }

            @Override
            public void spend(char[] password, HashCost cost) {
                PasswordHash.verifyNothing(password, cost);
            }
        };

        boolean verify(char[] password, String phc);

        String hash(char[] password, HashCost cost);

        /** The work of a verification, for a check that has nothing (or nothing slow) to verify. */
        void spend(char[] password, HashCost cost);
    }

    /** Checks {@code password} against {@code stored} (null when there is no account or no password). */
    static PasswordCheck of(char[] password, String stored, HashCost current, Argon2id argon2) {
        if (stored == null) {
            argon2.spend(password, current);
            return MISMATCH;
        }
        if (PasswordHash.isArgon2(stored)) {
            if (!PasswordHash.wellFormed(stored)) {
                // verifying it would return at once: the failure must cost what any other does
                argon2.spend(password, current);
                return MISMATCH;
            }
            if (!argon2.verify(password, stored)) {
                return MISMATCH;
            }
            return PasswordHash.isCurrent(stored, current) ? new PasswordCheck(true, null, null)
                    : new PasswordCheck(true, argon2.hash(password, current), "new Argon2id cost");
        }
        Optional<ImportedPasswordHash> imported = ImportedPasswordHash.of(stored);
        if (imported.isPresent() && imported.get().verify(password, stored)) {
            // the rehash is this check's Argon2id computation
            return new PasswordCheck(true, argon2.hash(password, current), "imported " + imported.get().name() + " to Argon2id");
        }
        // an imported scheme is fast ({SSHA} is one SHA-1) or slow in its own way (bcrypt): a failure costs an Argon2id too
        argon2.spend(password, current);
        return MISMATCH;
    }
}
