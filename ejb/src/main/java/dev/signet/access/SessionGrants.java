package dev.signet.access;

import java.time.Instant;
import java.util.UUID;

/**
 * What a session or API token lets its caller do now, for {@link Callers}: the authentication
 * service keeps sessions and tokens and provides this (access control must not depend on it,
 * which builds on access control).
 */
public interface SessionGrants {
    /** Read-write (a session within its privilege window, a token issued read-write), and whether it may only change credentials. */
    record Grant(boolean readWrite, boolean credentialUpdate) {
        public static final Grant NONE = new Grant(false, false);
    }

    Grant of(UUID session, Instant now);
}
