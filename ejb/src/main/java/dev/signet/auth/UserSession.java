package dev.signet.auth;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A session a bearer token belongs to: revoking the session invalidates the token everywhere. */
@Entity
@Cacheable
@Table(name = "user_session", indexes = @Index(name = "user_session_account", columnList = "account_uuid"))
public class UserSession {
    @Id
    private UUID id;

    @Column(name = "account_uuid", nullable = false)
    private UUID account;

    @Column(nullable = false)
    private Instant issued;

    @Column(nullable = false)
    private Instant expires;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(length = 64)
    private String source;

    protected UserSession() {
    }

    UserSession(UUID id, UUID account, Instant issued, Instant expires, String source) {
        this.id = id;
        this.account = account;
        this.issued = issued;
        this.expires = expires;
        this.source = source;
    }

    UUID account() {
        return account;
    }

    boolean validAt(Instant now) {
        return revokedAt == null && now.isBefore(expires);
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }
}
