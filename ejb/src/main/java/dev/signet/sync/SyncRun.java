package dev.signet.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.OptionalLong;

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
    // nullable: added after the first release, and runs recorded before have none
    private Integer unchanged;
    private Integer conflicts;

    @Column(length = 65536)
    private String report;

    /** The source's own sync state once step 1 read it all (an RFC 4533 cookie), for step 2 to keep. */
    @Column(name = "source_cookie", length = 4096)
    private String sourceCookie;

    /** Where a running run is: "read" (step 1, staging) or "apply" (step 2, the one transaction). */
    @Column(length = 8)
    private String step;

    /** The Jakarta Batch execution running it, for a restart. */
    @Column(name = "job_execution")
    private Long jobExecution;

    /** Whether the source sent only changes and deletions (RFC 4533 delete phase), not every entry it still has. */
    @Column(name = "deletes_only")
    private Boolean deletesOnly;

    /** Whether step 1 went on from the account's RFC 4533 cookie, listing only what changed since. */
    @Column(name = "from_cookie")
    private Boolean incremental;

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

    public int unchanged() {
        return unchanged == null ? 0 : unchanged;
    }

    public int conflicts() {
        return conflicts == null ? 0 : conflicts;
    }

    public int read() {
        return read;
    }

    public Optional<String> report() {
        return Optional.ofNullable(report);
    }

    public String step() {
        return step == null ? "read" : step;
    }

    void applying() {
        this.step = "apply";
    }

    public Optional<String> sourceCookie() {
        return Optional.ofNullable(sourceCookie);
    }

    public boolean deletesOnly() {
        return Boolean.TRUE.equals(deletesOnly);
    }

    public boolean incremental() {
        return Boolean.TRUE.equals(incremental);
    }

    void sourceRead(String cookie, boolean fromCookie, boolean onlyDeletes) {
        this.sourceCookie = cookie;
        this.incremental = fromCookie;
        this.deletesOnly = onlyDeletes;
    }

    void counted(int entries) {
        this.read += entries;
    }

    void completed(SyncChangeSet.Applied applied, Instant now) {
        this.status = Status.COMPLETED.name();
        this.created = applied.created();
        this.updated = applied.updated();
        this.deleted = applied.deleted();
        this.unchanged = applied.unchanged();
        this.conflicts = 0;
        this.ended = now;
    }

    public OptionalLong jobExecution() {
        return jobExecution == null ? OptionalLong.empty() : OptionalLong.of(jobExecution);
    }

    /** Whether it failed while reading, so a restart can go on from the last staged chunk. */
    public boolean restartable() {
        return status() == Status.FAILED && "read".equals(step());
    }

    void reopened() {
        this.status = Status.RUNNING.name();
        this.report = null;
        this.ended = null;
    }

    void failed(String why, int conflicts, Instant now) {
        this.status = Status.FAILED.name();
        this.conflicts = conflicts;
        this.report = why.length() > 60000 ? why.substring(0, 60000) + "\n..." : why;
        this.ended = now;
    }
}
