package dev.signet.model;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** An entry that can authenticate: a person or a service account. */
@Entity
public abstract class Account extends Entry {
    @ElementCollection
    @CollectionTable(name = "entry_ssh_key", joinColumns = @JoinColumn(name = "entry_uuid"))
    @MapKeyColumn(name = "tag", length = 64)
    @Column(name = "public_key", length = 8192)
    private Map<String, String> sshPublicKeys = new LinkedHashMap<>();

    @Column(name = "valid_from")
    private Instant validFrom;

    @Column(name = "expires_at")
    private Instant expiresAt;

    private boolean locked;

    @Column(name = "lock_reason", length = 1024)
    private String lockReason;

    @Column(length = 256)
    private String loginshell;

    /** Argon2id in PHC string form; never leaves the credential package. */
    @Column(name = "password_hash", length = 256)
    private String passwordHash;

    protected Account() {
    }

    protected Account(UUID uuid, String name, Instant now) {
        super(uuid, name, now);
    }

    public Map<String, String> sshPublicKeys() {
        return sshPublicKeys;
    }

    public Optional<Instant> validFrom() {
        return Optional.ofNullable(validFrom);
    }

    public void setValidFrom(Instant validFrom) {
        this.validFrom = validFrom;
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    public boolean locked() {
        return locked;
    }

    public Optional<String> lockReason() {
        return Optional.ofNullable(lockReason);
    }

    public void lock(String reason) {
        this.locked = true;
        this.lockReason = reason;
    }

    public void unlock() {
        this.locked = false;
        this.lockReason = null;
    }

    /** Whether the account may authenticate at {@code now}: not locked, within its validity window. */
    public boolean mayAuthenticate(Instant now) {
        return !locked && !recycled()
                && (validFrom == null || !now.isBefore(validFrom))
                && (expiresAt == null || now.isBefore(expiresAt));
    }

    public Optional<String> loginshell() {
        return Optional.ofNullable(loginshell);
    }

    public void setLoginshell(String loginshell) {
        this.loginshell = loginshell;
    }

    public Optional<String> passwordHash() {
        return Optional.ofNullable(passwordHash);
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }
}
