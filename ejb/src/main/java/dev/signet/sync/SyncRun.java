package dev.signet.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One run of a sync account's job: when, how it ended, what it changed, and why it failed. */
@Entity
@Table(name = "sync_run", indexes = @Index(name = "sync_run_account", columnList = "account_uuid, started"))
public class SyncRun {
    public enum Status { RUNNING, COMPLETED, FAILED }

    @Id
    private UUID id;

    @Column(name = "account_uuid", nullable = false)
    private UUID account;

    @Column(nullable = false)
    private Instant started;

    /** The cluster node that runs it (jboss.node.name): only that node may call it interrupted. */
    @Column(length = 128)
    private String node;

    private Instant ended;

    @Column(nullable = false, length = 16)
    private String status = Status.RUNNING.name();

    private int created;
    private int updated;
    private int deleted;
    private int read;

    @Column(length = 65536)
    private String report;

    protected SyncRun() {
    }

    SyncRun(UUID id, UUID account, Instant started, String node) {
        this.id = id;
        this.account = account;
        this.started = started;
        this.node = node;
    }

    /** This cluster node's name, as runs record it. */
    static String thisNode() {
        return System.getProperty("jboss.node.name", "local");
    }

    public UUID id() {
        return id;
    }

    public UUID account() {
        return account;
    }

    public Instant started() {
        return started;
    }

    public Optional<Instant> ended() {
        return Optional.ofNullable(ended);
    }

    public Status status() {
        return Status.valueOf(status);
    }

    public int created() {
        return created;
    }

    public int updated() {
        return updated;
    }

    public int deleted() {
        return deleted;
    }

    public int read() {
        return read;
    }

    public Optional<String> report() {
        return Optional.ofNullable(report);
    }

    void counted(int entries) {
        this.read += entries;
    }

    void completed(SyncChangeSet.Applied applied, Instant now) {
        this.status = Status.COMPLETED.name();
        this.created = applied.created();
        this.updated = applied.updated();
        this.deleted = applied.deleted();
        this.ended = now;
    }

    void failed(String why, Instant now) {
        this.status = Status.FAILED.name();
        this.report = why.length() > 60000 ? why.substring(0, 60000) + "\n..." : why;
        this.ended = now;
    }
}
