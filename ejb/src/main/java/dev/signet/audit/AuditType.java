package dev.signet.audit;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every kind of audit event Signet writes. The {@link #wire()} string is what the {@code audit_event}
 * table, the audit log's JSON lines and {@code GET /v1/audit?type=} carry; it is a published name,
 * so a constant may be added but its string never changed.
 */
public enum AuditType {
    ACCOUNT_LOCK("account.lock"),
    CREDENTIAL_RADIUS_GENERATE("credential.radius.generate"),
    CREDENTIAL_RADIUS_DELETE("credential.radius.delete"),
    RADIUS_AUTH("radius.auth"),
    RADIUS_ACCOUNTING_START("radius.accounting.start"),
    RADIUS_ACCOUNTING_STOP("radius.accounting.stop"),
    RADIUS_CLIENT_CREATE("radius.client.create"),
    RADIUS_CLIENT_MODIFY("radius.client.modify"),
    RADIUS_CLIENT_DELETE("radius.client.delete"),
    RADIUS_CLIENT_SECRET("radius.client.secret"),
    ACCOUNT_UNLOCK("account.unlock"),
    AUTH_SUCCESS("auth.success"),
    AUTH_REAUTH("auth.reauth"),
    AUTH_FAILURE("auth.failure"),
    AUTH_LOCKOUT("auth.lockout"),
    AUTH_LOCKOUT_RESET("auth.lockout.reset"),
    CREDENTIAL_API_TOKEN_ISSUE("credential.api_token.issue"),
    CREDENTIAL_API_TOKEN_REVOKE("credential.api_token.revoke"),
    CREDENTIAL_BACKUP_CODE_USE("credential.backup_code.use"),
    CREDENTIAL_BACKUP_CODES_GENERATE("credential.backup_codes.generate"),
    CREDENTIAL_PASSKEY_ENROL("credential.passkey.enrol"),
    CREDENTIAL_PASSKEY_REMOVE("credential.passkey.remove"),
    CREDENTIAL_PASSWORD_IMPORT("credential.password.import"),
    CREDENTIAL_PASSWORD_REHASH("credential.password.rehash"),
    CREDENTIAL_PASSWORD_SET("credential.password.set"),
    CREDENTIAL_RECOVER("credential.recover"),
    CREDENTIAL_RESET_INTENT_CREATE("credential.reset_intent.create"),
    CREDENTIAL_RESET_INTENT_EXCHANGE("credential.reset_intent.exchange"),
    CREDENTIAL_TOTP_ENROL("credential.totp.enrol"),
    CREDENTIAL_TOTP_REMOVE("credential.totp.remove"),
    DOMAIN_FIRST_BOOT("domain.first_boot"),
    ENTRY_CREATE("entry.create"),
    ENTRY_DELETE("entry.delete"),
    ENTRY_MODIFY("entry.modify"),
    ENTRY_POSIX("entry.posix"),
    ENTRY_PURGE("entry.purge"),
    ENTRY_REVIVE("entry.revive"),
    LDAP_BIND("ldap.bind"),
    OAUTH2_CLIENT_AUTH("oauth2.client.auth"),
    OAUTH2_CLIENT_CLAIMMAP("oauth2.client.claimmap"),
    OAUTH2_CLIENT_CREATE("oauth2.client.create"),
    OAUTH2_CLIENT_DELETE("oauth2.client.delete"),
    OAUTH2_CLIENT_KEYS("oauth2.client.keys"),
    OAUTH2_CLIENT_MODIFY("oauth2.client.modify"),
    OAUTH2_CLIENT_SCOPEMAP("oauth2.client.scopemap"),
    OAUTH2_CLIENT_SECRET("oauth2.client.secret"),
    OAUTH2_CODE_REUSE("oauth2.code.reuse"),
    OAUTH2_CONSENT("oauth2.consent"),
    OAUTH2_DENIED("oauth2.denied"),
    OAUTH2_DEVICE_APPROVE("oauth2.device.approve"),
    OAUTH2_REFRESH_REUSE("oauth2.refresh.reuse"),
    OAUTH2_REVOKE("oauth2.revoke"),
    OAUTH2_TOKEN("oauth2.token"),
    OAUTH2_TOKEN_REFRESH("oauth2.token.refresh"),
    SESSION_LOGOUT("session.logout"),
    SESSION_REVOKE("session.revoke"),
    SYNC_ACCOUNT_CREATE("sync.account.create"),
    SYNC_APPLY("sync.apply"),
    SYNC_FINALISE("sync.finalise"),
    SYNC_RUN("sync.run"),
    SYNC_SCHEDULE("sync.schedule"),
    SYNC_SOURCE("sync.source"),
    SYNC_SOURCE_TEST("sync.source.test"),
    SYNC_TERMINATE("sync.terminate"),
    SYNC_TOKEN_DESTROY("sync.token.destroy"),
    SYNC_TOKEN_ISSUE("sync.token.issue"),
    SYNC_YIELD("sync.yield");

    private static final Map<String, AuditType> BY_WIRE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AuditType::wire, Function.identity()));

    private final String wire;

    AuditType(String wire) {
        this.wire = wire;
    }

    /** The published name, as stored and logged. */
    public String wire() {
        return wire;
    }

    /** The type a published name stands for; a name Signet does not write is a programming error. */
    static AuditType ofWire(String wire) {
        AuditType type = BY_WIRE.get(wire);
        if (type == null) {
            throw new IllegalArgumentException("not an audit type: " + wire);
        }
        return type;
    }
}
