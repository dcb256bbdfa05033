package dev.signet.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A TOTP authenticator of an account. The shared secret is sealed with the key-encryption key
 * (it must be recoverable to compute codes, so it cannot be hashed). The last accepted time step
 * is kept so a code is accepted once only.
 */
@Entity
@Table(name = "totp_credential", indexes = @Index(name = "totp_credential_account", columnList = "account_uuid"))
class TotpCredential {
    @Id
    private UUID id;

    @Column(name = "account_uuid", nullable = false)
    private UUID account;

    @Column(nullable = false, length = 64)
    private String label;

    @Column(name = "sealed_secret", nullable = false, length = 512)
    private String sealedSecret;

    @Column(nullable = false, length = 16)
    private String algorithm;

    @Column(nullable = false)
    private int digits;

    @Column(nullable = false)
    private boolean verified;

    @Column(name = "last_step", nullable = false)
    private long lastStep;

    @Column(nullable = false)
    private Instant created;

    protected TotpCredential() {
    }

    TotpCredential(UUID id, UUID account, String label, String sealedSecret, TotpAlgorithm algorithm, int digits, Instant created) {
        this.id = id;
        this.account = account;
        this.label = label;
        this.sealedSecret = sealedSecret;
        this.algorithm = algorithm.name();
        this.digits = digits;
        this.created = created;
    }

    UUID id() {
        return id;
    }

    UUID account() {
        return account;
    }

    String label() {
        return label;
    }

    String sealedSecret() {
        return sealedSecret;
    }

    TotpAlgorithm algorithm() {
        return TotpAlgorithm.valueOf(algorithm);
    }

    int digits() {
        return digits;
    }

    boolean verified() {
        return verified;
    }

    void markVerified() {
        verified = true;
    }

    long lastStep() {
        return lastStep;
    }

    void used(long step) {
        lastStep = step;
    }
}
