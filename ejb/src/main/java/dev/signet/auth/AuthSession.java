package dev.signet.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An authentication in progress (between {@code init} and the last credential). Kept in the
 * database so a client may continue on any node. It exists for unknown names too, so the
 * conversation looks the same whether or not the account exists.
 */
@Entity
@Table(name = "auth_session")
public class AuthSession {
    @Id
    private UUID id;

    @Column(nullable = false, length = 320)
    private String name;

    @Column(name = "account_uuid")
    private UUID account;

    @Column(length = 32)
    private String mechanism;

    @Column(nullable = false)
    private Instant expires;

    /** Whether the token issued at the end starts with a read-write window (init2 privileged=true). */
    @Column(nullable = false)
    private boolean privileged;

    /** For a reauthentication: the user session that becomes read-write again. */
    @Column(name = "reauth_session")
    private UUID reauthOf;

    /** For passwordmfa: the TOTP code or backup code has been proved. */
    @Column(name = "second_factor", nullable = false)
    private boolean secondFactor;

    protected AuthSession() {
    }

    AuthSession(UUID id, String name, UUID account, Instant expires) {
        this.id = id;
        this.name = name;
        this.account = account;
        this.expires = expires;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    UUID account() {
        return account;
    }

    /** The mechanism begun, or null before {@code begin}; the column keeps its published name. */
    Mechanism mechanism() {
        return mechanism == null ? null : Mechanism.of(mechanism).orElse(null);
    }

    void begin(Mechanism mechanism) {
        this.mechanism = mechanism.wire();
    }

    boolean privileged() {
        return privileged;
    }

    void withPrivileges() {
        privileged = true;
    }

    UUID reauthOf() {
        return reauthOf;
    }

    void reauthenticates(UUID userSession) {
        reauthOf = userSession;
    }

    boolean secondFactor() {
        return secondFactor;
    }

    void secondFactorProved() {
        secondFactor = true;
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }
}
