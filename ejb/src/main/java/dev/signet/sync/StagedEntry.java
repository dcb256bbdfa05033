package dev.signet.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * One source entry read by a run's first step, waiting for the second step to apply the whole
 * change set. Its attributes are JSON in Signet's names; member values are source DNs until then.
 */
@Entity
@Table(name = "sync_stage", indexes = @Index(name = "sync_stage_run", columnList = "run_id, seq"))
public class StagedEntry {
    @Id
    private UUID id;

    @Column(name = "run_id", nullable = false)
    private UUID run;

    @Column(nullable = false)
    private long seq;

    @Column(nullable = false, length = 16)
    private String kind;

    @Column(name = "entry_uuid", nullable = false)
    private UUID entryUuid;

    @Column(nullable = false, length = 1024)
    private String dn;

    @Column(nullable = false, length = 1_000_000)
    private String attrs;

    protected StagedEntry() {
    }

    StagedEntry(UUID run, long seq, String kind, UUID entryUuid, String dn, String attrs) {
        this.id = UUID.randomUUID();
        this.run = run;
        this.seq = seq;
        this.kind = kind;
        this.entryUuid = entryUuid;
        this.dn = dn;
        this.attrs = attrs;
    }

    String kind() {
        return kind;
    }

    UUID entryUuid() {
        return entryUuid;
    }

    String dn() {
        return dn;
    }

    String attrs() {
        return attrs;
    }
}
