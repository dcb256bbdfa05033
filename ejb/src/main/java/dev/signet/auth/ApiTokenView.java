package dev.signet.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An API token as its service account's admins see it: never the token itself, which is shown once at issue. */
public record ApiTokenView(UUID id, String label, Instant created, boolean readWrite, Optional<Instant> expiresAt) {
    static ApiTokenView of(ApiToken token) {
        return new ApiTokenView(token.id(), token.label(), token.created(), token.readWrite(), token.expiresAt());
    }
}
