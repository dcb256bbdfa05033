package dev.signet.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A credential reset an admin prepared for a person: single use, time-limited. Only the SHA-256 of
 * its token is stored (the token is random, 256 bits), so the table alone opens nothing.
 */
@Entity
@Table(name = "reset_intent")
class ResetIntent {
    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "account_uuid", nullable = false)
    private UUID account;

    @Column(nullable = false)
    private Instant expires;

    @Column(name = "used_at")
    private Instant usedAt;

    protected ResetIntent() {
    }

    ResetIntent(String tokenHash, UUID account, Instant expires) {
        this.tokenHash = tokenHash;
        this.account = account;
        this.expires = expires;
    }

    UUID account() {
        return account;
    }

    Instant expires() {
        return expires;
    }

    boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expires);
    }

    void use(Instant now) {
        usedAt = now;
    }
}
