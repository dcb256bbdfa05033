package dev.signet.auth;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A service account's API token. The token itself (a JWS naming this row) is shown once and not
 * stored; the row decides whether it is still good (revoked, expired) and whether it may write.
 */
@Entity
@Cacheable
@Table(name = "api_token", indexes = @Index(name = "api_token_account", columnList = "account_uuid"))
public class ApiToken {
    @Id
    private UUID id;

    @Column(name = "account_uuid", nullable = false)
    private UUID account;

    @Column(nullable = false, length = 64)
    private String label;

    @Column(nullable = false)
    private Instant created;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "read_write", nullable = false)
    private boolean readWrite;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {
    }

    ApiToken(UUID id, UUID account, String label, Instant created, Instant expiresAt, boolean readWrite) {
        this.id = id;
        this.account = account;
        this.label = label;
        this.created = created;
        this.expiresAt = expiresAt;
        this.readWrite = readWrite;
    }

    public UUID id() {
        return id;
    }

    UUID account() {
        return account;
    }

    public String label() {
        return label;
    }

    public Instant created() {
        return created;
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    public boolean readWrite() {
        return readWrite;
    }

    /** Whether the token is usable at {@code now}, and may write when it was issued read-write. */
    public boolean validAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    boolean revoked() {
        return revokedAt != null;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }
}
