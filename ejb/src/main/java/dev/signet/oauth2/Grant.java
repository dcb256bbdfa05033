package dev.signet.oauth2;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What one authorization produced: the tokens of one code, device approval or client-credentials
 * request, and the family of refresh tokens rotated from them. Revoking the grant ends every
 * token in it, on every node (they all read this row).
 */
@Entity
@Cacheable
@Table(name = "oauth2_grant", indexes = {
        @Index(name = "oauth2_grant_account", columnList = "account_uuid"),
        @Index(name = "oauth2_grant_client", columnList = "client_uuid")})
public class Grant {
    @Id
    private UUID id;

    @Column(name = "client_uuid", nullable = false)
    private UUID client;

    /** The person or service account the tokens speak for; null for client credentials. */
    @Column(name = "account_uuid")
    private UUID account;

    @Column(nullable = false, length = 2048)
    private String scopes;

    @Column(name = "auth_time")
    private Instant authTime;

    /** The login mechanism, as {@code acr} ({@code password}, {@code passwordmfa}, {@code passkey}). */
    @Column(length = 16)
    private String method;

    /** The refresh key sealed with the key-encryption key; each generation's token is an HMAC under it. */
    @Column(name = "sealed_refresh_key", length = 256)
    private String sealedRefreshKey;

    @Column(name = "refresh_generation", nullable = false)
    private int refreshGeneration;

    @Column(name = "refresh_expires")
    private Instant refreshExpires;

    @Column(nullable = false)
    private Instant created;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_reason", length = 64)
    private String revokedReason;

    @Version
    private long version;

    protected Grant() {
    }

    Grant(UUID id, UUID client, UUID account, Set<String> scopes, Instant authTime, String method, Instant now) {
        this.id = id;
        this.client = client;
        this.account = account;
        this.scopes = String.join(" ", scopes);
        this.authTime = authTime;
        this.method = method;
        this.created = now;
    }

    public UUID id() {
        return id;
    }

    UUID client() {
        return client;
    }

    Optional<UUID> account() {
        return Optional.ofNullable(account);
    }

    Set<String> scopes() {
        return scopes.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(scopes.split(" ")));
    }

    Optional<Instant> authTime() {
        return Optional.ofNullable(authTime);
    }

    Optional<String> method() {
        return Optional.ofNullable(method);
    }

    Optional<String> sealedRefreshKey() {
        return Optional.ofNullable(sealedRefreshKey);
    }

    int refreshGeneration() {
        return refreshGeneration;
    }

    void enableRefresh(String sealedKey, Instant expires) {
        this.sealedRefreshKey = sealedKey;
        this.refreshExpires = expires;
    }

    /** Moves the family on: the previous refresh token becomes a reused one if presented again. */
    void rotate(Instant expires) {
        refreshGeneration++;
        refreshExpires = expires;
    }

    boolean refreshableAt(Instant now) {
        return revokedAt == null && sealedRefreshKey != null && refreshExpires != null && now.isBefore(refreshExpires);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    void revoke(Instant now, String reason) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedReason = reason;
        }
    }
}
