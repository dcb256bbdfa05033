package dev.signet.sync;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An external identity system Signet imports from (Kanidm's sync account): it owns the entries it
 * imported, holds the sync state (cookie) of the last applied run, and names the attributes it
 * yields to local changes. Finalised, it owns nothing and syncs no more.
 */
@Entity
@Cacheable
@Table(name = "sync_account", indexes = {
        @Index(name = "sync_account_name", columnList = "name", unique = true),
        @Index(name = "sync_account_token", columnList = "token_digest", unique = true)})
public class SyncAccount {
    @Id
    private UUID uuid;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(length = 1024)
    private String description;

    @Column(name = "token_digest", length = 64)
    private String tokenDigest;

    @Column(name = "token_issued")
    private Instant tokenIssued;

    /** The to_state cookie of the last applied change set; null before the first. */
    @Column(length = 4096)
    private String cookie;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sync_yield_attribute", joinColumns = @JoinColumn(name = "sync_account_uuid"))
    @Column(name = "attribute", length = 64)
    private Set<String> yieldAttributes = new TreeSet<>();

    /** The LDAP source as JSON ({@link LdapSource}); null for accounts fed by SCIM pushes only. */
    @Column(name = "ldap_source", length = 65536)
    private String ldapSource;

    @Column(name = "sealed_bind_password", length = 1024)
    private String sealedBindPassword;

    @Column(length = 128)
    private String schedule;

    @Column(name = "finalised_at")
    private Instant finalisedAt;

    @Column(nullable = false)
    private Instant created;

    @Version
    private long version;

    protected SyncAccount() {
    }

    SyncAccount(UUID uuid, String name, String description, Instant now) {
        this.uuid = uuid;
        this.name = name;
        this.description = description;
        this.created = now;
    }

    public UUID uuid() {
        return uuid;
    }

    public String name() {
        return name;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    Optional<String> tokenDigest() {
        return Optional.ofNullable(tokenDigest);
    }

    public Optional<Instant> tokenIssued() {
        return Optional.ofNullable(tokenIssued);
    }

    void issueToken(String digest, Instant now) {
        this.tokenDigest = digest;
        this.tokenIssued = now;
    }

    void destroyToken() {
        this.tokenDigest = null;
        this.tokenIssued = null;
    }

    public Optional<String> cookie() {
        return Optional.ofNullable(cookie);
    }

    void advance(String newCookie) {
        this.cookie = newCookie;
    }

    public Optional<LdapSource> ldapSource() {
        return Optional.ofNullable(ldapSource).map(LdapSourceJson::parse);
    }

    Optional<String> sealedBindPassword() {
        return Optional.ofNullable(sealedBindPassword);
    }

    void readFrom(LdapSource source, String sealedPassword) {
        if (!LdapSourceJson.text(source).equals(this.ldapSource)) {
            // another directory, base or filter: the source's sync state means nothing for it
            this.cookie = null;
        }
        this.ldapSource = LdapSourceJson.text(source);
        this.sealedBindPassword = sealedPassword;
    }

    public Optional<String> schedule() {
        return Optional.ofNullable(schedule);
    }

    void scheduled(String cron) {
        this.schedule = cron;
    }

    public Set<String> yieldAttributes() {
        return yieldAttributes;
    }

    void replaceYieldAttributes(Set<String> attributes) {
        yieldAttributes.clear();
        yieldAttributes.addAll(attributes);
    }

    public boolean finalised() {
        return finalisedAt != null;
    }

    void finalise(Instant now) {
        if (finalisedAt == null) {
            finalisedAt = now;
        }
        destroyToken();
    }

    public Instant created() {
        return created;
    }
}
