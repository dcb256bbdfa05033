package dev.signet.oauth2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/** Members of a group get a custom claim with these values (Kanidm's {@code _claimmap/{claim}/{group}}). */
@Entity
@Table(name = "oauth2_claim_map", indexes = @Index(name = "oauth2_claim_map_client", columnList = "client_uuid, claim, group_uuid", unique = true))
public class ClaimMap {
    @Id
    private UUID id;

    @Column(name = "client_uuid", nullable = false)
    private UUID client;

    @Column(nullable = false, length = 64)
    private String claim;

    @Column(name = "group_uuid", nullable = false)
    private UUID group;

    /** One value per line; values are single-line strings. */
    @Column(name = "claim_values", nullable = false, length = 4096)
    private String values;

    protected ClaimMap() {
    }

    ClaimMap(UUID client, String claim, UUID group, List<String> values) {
        this.id = UUID.randomUUID();
        this.client = client;
        this.claim = claim;
        this.group = group;
        replace(values);
    }

    public String claim() {
        return claim;
    }

    public UUID group() {
        return group;
    }

    public List<String> values() {
        return List.of(values.split("\n"));
    }

    void replace(List<String> newValues) {
        this.values = String.join("\n", newValues);
    }
}
