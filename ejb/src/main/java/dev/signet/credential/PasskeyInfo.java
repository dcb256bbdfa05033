package dev.signet.credential;

import java.time.Instant;
import java.util.UUID;

/** What a person sees of one of their passkeys. */
public record PasskeyInfo(UUID id, String label, Instant created) {
}
