package dev.signet.auth;

import dev.signet.domain.KeyEncryption;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A token-signing key pair; the private part encrypted (see {@link KeyEncryption}). */
@Entity
@Table(name = "signing_key")
public class SigningKey {
    @Id
    @Column(length = 64)
    private String kid;

    @Column(nullable = false, length = 16)
    private String algorithm;

    @Column(name = "sealed_jwk", nullable = false, length = 4096)
    private String sealedJwk;

    @Column(nullable = false)
    private Instant created;

    protected SigningKey() {
    }

    SigningKey(String kid, String algorithm, String sealedJwk, Instant created) {
        this.kid = kid;
        this.algorithm = algorithm;
        this.sealedJwk = sealedJwk;
        this.created = created;
    }

    String kid() {
        return kid;
    }

    String sealedJwk() {
        return sealedJwk;
    }
}
