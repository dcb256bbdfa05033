package dev.signet.oauth2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A client's token-signing key pair, the private part sealed with the key-encryption key. A
 * retired key still verifies (and is still published) until every token it signed has expired.
 */
@Entity
@Table(name = "oauth2_key", indexes = @Index(name = "oauth2_key_client", columnList = "client_uuid, retired_at"))
public class ClientKey {
    @Id
    @Column(length = 64)
    private String kid;

    @Column(name = "client_uuid", nullable = false)
    private UUID client;

    @Column(nullable = false, length = 8)
    private String algorithm;

    @Column(name = "sealed_jwk", nullable = false, length = 8192)
    private String sealedJwk;

    @Column(name = "public_jwk", nullable = false, length = 4096)
    private String publicJwk;

    @Column(nullable = false)
    private Instant created;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected ClientKey() {
    }

    ClientKey(String kid, UUID client, String algorithm, String sealedJwk, String publicJwk, Instant created) {
        this.kid = kid;
        this.client = client;
        this.algorithm = algorithm;
        this.sealedJwk = sealedJwk;
        this.publicJwk = publicJwk;
        this.created = created;
    }

    String kid() {
        return kid;
    }

    UUID client() {
        return client;
    }

    String algorithm() {
        return algorithm;
    }

    String sealedJwk() {
        return sealedJwk;
    }

    String publicJwk() {
        return publicJwk;
    }

    Optional<Instant> retiredAt() {
        return Optional.ofNullable(retiredAt);
    }

    void retire(Instant now) {
        if (retiredAt == null) {
            retiredAt = now;
        }
    }
}
