package dev.signet.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A password an account used before, as its hash, so the policy can refuse reusing it. */
@Entity
@Table(name = "password_history", indexes = @Index(name = "password_history_account", columnList = "account_uuid, replaced_at"))
class PasswordHistory {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_uuid", nullable = false)
    private UUID account;

    @Column(nullable = false, length = 256)
    private String hash;

    @Column(name = "replaced_at", nullable = false)
    private Instant replacedAt;

    protected PasswordHistory() {
    }

    PasswordHistory(UUID account, String hash, Instant replacedAt) {
        this.account = account;
        this.hash = hash;
        this.replacedAt = replacedAt;
    }

    Long id() {
        return id;
    }

    String hash() {
        return hash;
    }
}
