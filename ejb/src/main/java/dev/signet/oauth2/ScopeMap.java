package dev.signet.oauth2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Members of a group may receive these scopes from a client. A supplementary map only adds scopes
 * for someone a regular map already admits (Kanidm's {@code sup_scopemap}).
 */
@Entity
@Table(name = "oauth2_scope_map", indexes = @Index(name = "oauth2_scope_map_client", columnList = "client_uuid, supplementary, group_uuid", unique = true))
public class ScopeMap {
    @Id
    private UUID id;

    @Column(name = "client_uuid", nullable = false)
    private UUID client;

    @Column(name = "group_uuid", nullable = false)
    private UUID group;

    @Column(nullable = false)
    private boolean supplementary;

    /** Space-separated, as in an OAuth2 scope parameter. */
    @Column(nullable = false, length = 2048)
    private String scopes;

    protected ScopeMap() {
    }

    ScopeMap(UUID client, UUID group, boolean supplementary, Set<String> scopes) {
        this.id = UUID.randomUUID();
        this.client = client;
        this.group = group;
        this.supplementary = supplementary;
        replace(scopes);
    }

    UUID client() {
        return client;
    }

    public UUID group() {
        return group;
    }

    public boolean supplementary() {
        return supplementary;
    }

    public Set<String> scopes() {
        return new LinkedHashSet<>(Arrays.asList(scopes.split(" ")));
    }

    void replace(Set<String> newScopes) {
        this.scopes = String.join(" ", newScopes);
    }
}
