package dev.signet.auth;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import java.util.Optional;

/** A session a bearer token belongs to: revoking the session invalidates the token everywhere. */
@Entity
@Cacheable
@Table(name = "user_session", indexes = @Index(name = "user_session_account", columnList = "account_uuid"))
public class UserSession {
    @Id
    private UUID id;

    @Column(name = "account_uuid", nullable = false)
    private UUID account;

    @Column(nullable = false)
    private Instant issued;

    @Column(nullable = false)
    private Instant expires;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(length = 64)
    private String source;

    /** Opened by a credential reset intent: may change the account's own credentials only. */
    @Column(name = "credential_update", nullable = false)
    private boolean credentialUpdate;

    /** How the login was proved (password, passwordmfa, passkey); OIDC reports it as acr and amr. */
    @Column(length = 16)
    private String method;

    /** Until when the session may change things; null or past means read-only. */
    @Column(name = "privileged_until")
    private Instant privilegedUntil;

    protected UserSession() {
    }

    UserSession(UUID id, UUID account, Instant issued, Instant expires, String source, Instant privilegedUntil) {
        this.id = id;
        this.account = account;
        this.issued = issued;
        this.expires = expires;
        this.source = source;
        this.privilegedUntil = privilegedUntil;
    }

    UUID id() {
        return id;
    }

    public UUID account() {
        return account;
    }

    /** When the account authenticated (OIDC auth_time). */
    public Instant issued() {
        return issued;
    }

    public Optional<String> method() {
        return Optional.ofNullable(method);
    }

    void provedBy(String method) {
        this.method = method;
    }

    Instant expires() {
        return expires;
    }

    String source() {
        return source;
    }

    Optional<Instant> privilegedUntil() {
        return Optional.ofNullable(privilegedUntil);
    }

    public boolean credentialUpdate() {
        return credentialUpdate;
    }

    void forCredentialUpdateOnly() {
        credentialUpdate = true;
    }

    /** Whether the session is valid and within its privilege window at {@code now}. */
    public boolean privilegedAt(Instant now) {
        return validAt(now) && privilegedUntil != null && now.isBefore(privilegedUntil);
    }

    void privilegeUntil(Instant until) {
        privilegedUntil = until.isAfter(expires) ? expires : until;
    }

    public boolean validAt(Instant now) {
        return revokedAt == null && now.isBefore(expires);
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }
}
