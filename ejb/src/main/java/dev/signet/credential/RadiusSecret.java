package dev.signet.credential;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A person's RADIUS secret (Kanidm's {@code radius_secret}): separate from the password, sealed
 * with the key-encryption key because CHAP and MS-CHAPv2 need it in clear on the server, so it
 * cannot be hashed. One per account, replaced when generated again. Second-level cached (read on
 * every RADIUS login; sealed there as here).
 */
@Entity
@Cacheable
@Table(name = "radius_secret")
class RadiusSecret {
    @Id
    @Column(name = "account_uuid")
    private UUID account;

    @Column(name = "sealed_secret", nullable = false, length = 512)
    private String sealedSecret;

    @Column(nullable = false)
    private Instant created;

    protected RadiusSecret() {
    }

    RadiusSecret(UUID account, String sealedSecret, Instant created) {
        this.account = account;
        this.sealedSecret = sealedSecret;
        this.created = created;
    }

    UUID account() {
        return account;
    }

    String sealedSecret() {
        return sealedSecret;
    }

    void replace(String sealed, Instant now) {
        this.sealedSecret = sealed;
        this.created = now;
    }
}
