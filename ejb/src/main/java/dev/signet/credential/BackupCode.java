package dev.signet.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * One single-use backup code of an account, as its SHA-256: the codes are random (50 bits each),
 * so a fast hash is enough and a stolen table still reveals none of them.
 */
@Entity
@Table(name = "backup_code", indexes = @Index(name = "backup_code_account", columnList = "account_uuid"))
class BackupCode {
    @Id
    private UUID id;

    @Column(name = "account_uuid", nullable = false)
    private UUID account;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    protected BackupCode() {
    }

    BackupCode(UUID account, String codeHash) {
        this.id = UUID.randomUUID();
        this.account = account;
        this.codeHash = codeHash;
    }

    String codeHash() {
        return codeHash;
    }
}
