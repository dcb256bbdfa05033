package dev.signet.model;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What every identity has: a UUID for life, a name unique across all kinds, a display name,
 * timestamps, the sync account that owns it (if any), and its computed group memberships.
 *
 * <p>{@code live_name} equals the name while the entry is live and is empty in the recycle bin,
 * so the database itself keeps live names unique while recycled entries keep theirs for revival.
 */
@Entity
@Table(name = "entry", indexes = {
        @Index(name = "entry_live_name", columnList = "live_name", unique = true),
        @Index(name = "entry_kind_name", columnList = "kind, name"),
        // the console's people list sorts and searches by display name
        @Index(name = "entry_displayname_name", columnList = "displayname, name"),
        // ... and in reverse (the embedded database reads an index one way only)
        @Index(name = "entry_displayname_name_desc", columnList = "displayname desc, name desc"),
        @Index(name = "entry_live_name_desc", columnList = "live_name desc"),
        @Index(name = "entry_gidnumber", columnList = "gidnumber", unique = true),
        @Index(name = "entry_recycled", columnList = "recycled_at")})
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind", length = 16)
public abstract class Entry {
    @Id
    private UUID uuid;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(name = "live_name", length = 64)
    private String liveName;

    @Column(length = 1024)
    private String displayname;

    @Column(length = 1024)
    private String description;

    @Column(nullable = false, updatable = false)
    private Instant created;

    @Column(nullable = false)
    private Instant modified;

    @Version
    private long version;

    @Column(name = "sync_parent")
    private UUID syncParent;

    /** The entry's id in the system its sync account imports from. */
    @Column(name = "sync_external_id", length = 1024)
    private String syncExternalId;

    /** A digest of the entry as its source last sent it: an unchanged entry is skipped on the next run. */
    @Column(name = "sync_digest", length = 64)
    private String syncDigest;

    @Column(name = "recycled_at")
    private Instant recycledAt;

    private Integer gidnumber;

    // every collection table is indexed by its owner too: PostgreSQL does not index a foreign key
    // by itself, and loading one entry's values would scan the table (a seq scan per LDAP search)
    @ElementCollection
    @CollectionTable(name = "entry_mail", joinColumns = @JoinColumn(name = "entry_uuid"),
            indexes = {@Index(name = "entry_mail_entry", columnList = "entry_uuid"), @Index(name = "entry_mail_value", columnList = "mail")})
    @Column(name = "mail", length = 320)
    private Set<String> mail = new HashSet<>();

    /** Transitive memberships, maintained on every write that changes them. */
    @ElementCollection
    @CollectionTable(name = "entry_memberof", joinColumns = @JoinColumn(name = "entry_uuid"),
            indexes = {@Index(name = "entry_memberof_entry", columnList = "entry_uuid"), @Index(name = "entry_memberof_group", columnList = "group_uuid")})
    @Column(name = "group_uuid")
    private Set<UUID> memberOf = new HashSet<>();

    protected Entry() {
        // for JPA
    }

    protected Entry(UUID uuid, String name, Instant now) {
        this.uuid = uuid;
        this.name = name;
        this.liveName = name;
        this.created = stored(now);
        this.modified = stored(now);
    }

    /** Databases keep microseconds; so do we, so what a client reads back never changes. */
    private static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public abstract EntryKind kind();

    public UUID uuid() {
        return uuid;
    }

    public String name() {
        return name;
    }

    public void rename(String newName) {
        this.name = newName;
        if (recycledAt == null) {
            this.liveName = newName;
        }
    }

    public Optional<String> displayname() {
        return Optional.ofNullable(displayname);
    }

    public void setDisplayname(String displayname) {
        this.displayname = displayname;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Instant created() {
        return created;
    }

    public Instant modified() {
        return modified;
    }

    public void touch(Instant now) {
        this.modified = stored(now);
    }

    public long version() {
        return version;
    }

    public Optional<UUID> syncParent() {
        return Optional.ofNullable(syncParent);
    }

    /** Imported and owned by a sync account from now on. */
    public void syncedBy(UUID parent, String externalId) {
        this.syncParent = parent;
        this.syncExternalId = externalId;
    }

    public Optional<String> syncDigest() {
        return Optional.ofNullable(syncDigest);
    }

    /** What the source sent, as a digest; null when a local write made the entry differ from it. */
    public void sourceDigest(String digest) {
        this.syncDigest = digest;
    }

    /** No longer owned by any sync account (finalise, terminate): an ordinary local entry. */
    public void releaseFromSync() {
        this.syncParent = null;
        this.syncExternalId = null;
        this.syncDigest = null;
    }

    public boolean recycled() {
        return recycledAt != null;
    }

    public Optional<Instant> recycledAt() {
        return Optional.ofNullable(recycledAt);
    }

    public void recycle(Instant now) {
        this.recycledAt = stored(now);
        this.liveName = null;
        this.modified = stored(now);
    }

    public void revive(Instant now) {
        this.recycledAt = null;
        this.liveName = name;
        this.modified = stored(now);
    }

    public Optional<Integer> gidnumber() {
        return Optional.ofNullable(gidnumber);
    }

    public void setGidnumber(int gidnumber) {
        this.gidnumber = gidnumber;
    }

    public boolean posix() {
        return gidnumber != null;
    }

    public Set<String> mail() {
        return mail;
    }

    public Set<UUID> memberOf() {
        return memberOf;
    }

    public void replaceMemberOf(Set<UUID> groups) {
        if (!memberOf.equals(groups)) {
            memberOf.clear();
            memberOf.addAll(groups);
        }
    }

    @Override
    public String toString() {
        return kind().restName() + " " + name + " (" + uuid + ")";
    }
}
