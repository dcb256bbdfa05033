package dev.signet.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** What an account may see of its own sessions: never the token itself. */
public record SessionSummary(UUID id, Instant issued, Instant expires, String source, Optional<Instant> readWriteUntil) {
}
