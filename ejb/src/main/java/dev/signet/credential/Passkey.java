package dev.signet.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A passkey of an account: the authenticator's credential id and public key (WebAuthn's attested
 * credential data, as WebAuthn4J serialises it) and the last signature counter seen.
 */
@Entity
@Table(name = "passkey", indexes = {
        @Index(name = "passkey_account", columnList = "account_uuid"),
        @Index(name = "passkey_credential", columnList = "credential_id", unique = true)})
class Passkey {
    @Id
    private UUID id;

    @Column(name = "account_uuid", nullable = false)
    private UUID account;

    @Column(nullable = false, length = 64)
    private String label;

    /** base64url, as clients send it. */
    @Column(name = "credential_id", nullable = false, length = 1400)
    private String credentialId;

    /** base64 of the attested credential data (AAGUID, credential id, COSE public key). */
    @Column(name = "credential_data", nullable = false, length = 8192)
    private String credentialData;

    @Column(name = "sign_count", nullable = false)
    private long signCount;

    @Column(nullable = false)
    private Instant created;

    protected Passkey() {
    }

    Passkey(UUID account, String label, String credentialId, String credentialData, long signCount, Instant created) {
        this.id = UUID.randomUUID();
        this.account = account;
        this.label = label;
        this.credentialId = credentialId;
        this.credentialData = credentialData;
        this.signCount = signCount;
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

    String credentialId() {
        return credentialId;
    }

    String credentialData() {
        return credentialData;
    }

    long signCount() {
        return signCount;
    }

    void counted(long count) {
        signCount = count;
    }

    Instant created() {
        return created;
    }
}
