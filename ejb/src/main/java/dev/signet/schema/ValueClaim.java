package dev.signet.schema;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.UUID;

/**
 * A value that only one holder may have at a time, claimed by it: a name (entries, OAuth2 clients
 * and sync accounts share one namespace, though they live in three tables) or a mail address.
 * The unique constraint is what two writers racing on two nodes meet; the write path's check
 * before it is what gives a clear answer.
 */
@Entity
@Table(name = "value_claim", uniqueConstraints = @UniqueConstraint(name = "value_claim_unique", columnNames = {"attribute", "claimed"}),
        indexes = @Index(name = "value_claim_holder", columnList = "holder"))
public class ValueClaim {
    /** Who holds a claim, for the message that names it. */
    public enum HolderKind {
        ENTRY, OAUTH2_CLIENT, SYNC_ACCOUNT
    }

    @Id
    private UUID id;

    @Column(nullable = false, length = 32)
    private String attribute;

    @Column(nullable = false, length = 320)
    private String claimed;

    @Column(nullable = false)
    private UUID holder;

    @Column(name = "holder_kind", nullable = false, length = 16)
    private String holderKind;

    protected ValueClaim() {
        // for JPA
    }

    public ValueClaim(String attribute, String claimed, UUID holder, HolderKind kind) {
        this.id = UUID.randomUUID();
        this.attribute = attribute;
        this.claimed = claimed;
        this.holder = holder;
        this.holderKind = kind.name();
    }

    public String attribute() {
        return attribute;
    }

    public String claimed() {
        return claimed;
    }

    public UUID holder() {
        return holder;
    }

    public HolderKind holderKind() {
        return HolderKind.valueOf(holderKind);
    }
}
