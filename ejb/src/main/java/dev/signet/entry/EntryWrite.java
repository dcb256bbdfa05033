package dev.signet.entry;

import dev.signet.model.Entry;
import dev.signet.model.EntryKind;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import dev.signet.schema.Schema;

/**
 * One change to one entry as the {@link WritePath} carries it through its rules: what is asked
 * (the operation, the attribute values as given), what the rules made of it (values normalised,
 * references resolved, a POSIX id chosen) and what it changed for others (whose memberships to
 * recompute). Built by the entry, lifecycle, credential and sync services with the factories below.
 */
public final class EntryWrite {
    /** What happens to the entry. */
    public enum Op {
        /** A new local entry. */
        CREATE,
        /** Attribute values of a live entry replaced, or a lifecycle or credential change guarded like one. */
        MODIFY,
        /** A sync account writes the entry as its source has it (created, updated or revived). */
        IMPORT,
        /** Into the recycle bin: hidden, revivable. */
        RECYCLE,
        /** Back from the recycle bin with its memberships. */
        REVIVE,
        /** Gone for good, with everything that names it. */
        PURGE
    }

    private final Op op;
    private final EntryKind kind;
    private final UUID uuid;
    private Entry entry;
    private final Map<String, List<String>> requested;
    private final Set<String> governed;
    private final UUID syncOwner;
    private final String externalId;
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Set<UUID> membershipChanges = new HashSet<>();
    private Consumer<EntryWrite> access = w -> {
    };
    private Consumer<Entry> change = e -> {
    };
    private boolean touches;
    private boolean posixRequested;
    private Long requestedGid;
    private Integer gidnumber;

    private EntryWrite(Op op, EntryKind kind, UUID uuid, Entry entry, Map<String, List<String>> requested, Set<String> governed,
                       UUID syncOwner, String externalId) {
        this.op = op;
        this.kind = Objects.requireNonNull(kind);
        this.uuid = Objects.requireNonNull(uuid);
        this.entry = entry;
        this.requested = requested;
        this.governed = governed;
        this.syncOwner = syncOwner;
        this.externalId = externalId;
    }

    /** A new local entry of {@code kind} with these attributes (name among them). */
    public static EntryWrite create(EntryKind kind, UUID uuid, Map<String, List<String>> attrs) {
        return new EntryWrite(Op.CREATE, kind, uuid, null, new LinkedHashMap<>(attrs), Set.of(), null, null);
    }

    /** Replaces each given attribute's values of a live local write (an empty list removes them). */
    public static EntryWrite modify(Entry entry, Map<String, List<String>> attrs) {
        EntryWrite write = new EntryWrite(Op.MODIFY, entry.kind(), entry.uuid(), entry, new LinkedHashMap<>(attrs),
                new LinkedHashSet<>(attrs.keySet()), null, null);
        write.touches = true;
        return write;
    }

    /**
     * A change that is not an attribute value but is guarded like one: a lock, POSIX, a credential.
     * {@code what} is what the entry's sync account must yield ({@link SyncOwnerDecides#LIFECYCLE},
     * {@link SyncOwnerDecides#PASSWORD}, ...).
     */
    public static EntryWrite guarded(Entry entry, String what) {
        return new EntryWrite(Op.MODIFY, entry.kind(), entry.uuid(), entry, Map.of(), Set.of(what), null, null);
    }

    /**
     * The entry as sync account {@code owner}'s source has it; {@code existing} is the entry with
     * that UUID the account owns, or null when it owns none (the entry is new to Signet).
     */
    public static EntryWrite imported(UUID owner, Entry existing, EntryKind kind, UUID uuid, String externalId,
                                      Map<String, List<String>> attrs) {
        return new EntryWrite(Op.IMPORT, kind, uuid, existing, new LinkedHashMap<>(attrs), Set.of(), owner, externalId);
    }

    /** Into the recycle bin, by a local admin ({@code bySync} null) or by the entry's sync account. */
    public static EntryWrite recycle(Entry entry, UUID bySync) {
        return new EntryWrite(Op.RECYCLE, entry.kind(), entry.uuid(), entry, Map.of(),
                bySync == null ? Set.of(SyncOwnerDecides.LIFECYCLE) : Set.of(), bySync, null);
    }

    public static EntryWrite revive(Entry entry) {
        return new EntryWrite(Op.REVIVE, entry.kind(), entry.uuid(), entry, Map.of(), Set.of(), null, null);
    }

    public static EntryWrite purge(Entry entry) {
        return new EntryWrite(Op.PURGE, entry.kind(), entry.uuid(), entry, Map.of(), Set.of(), null, null);
    }

    /** The caller's access check, run once values are normalised and references resolved (it needs them). */
    public EntryWrite checkedBy(Consumer<EntryWrite> check) {
        this.access = check;
        return this;
    }

    /** A change beyond attribute values (a lock, a login shell), made in the write step. */
    public EntryWrite changing(Consumer<Entry> mutation) {
        this.change = mutation;
        this.touches = true;
        return this;
    }

    /** Makes the entry POSIX: {@code gidnumber} claimed if given, else one allocated; nothing if it is POSIX already. */
    public EntryWrite posix(Long requestedGidnumber) {
        this.posixRequested = true;
        this.touches = true;
        this.requestedGid = requestedGidnumber;
        return this;
    }

    public Op op() {
        return op;
    }

    public EntryKind kind() {
        return kind;
    }

    public UUID uuid() {
        return uuid;
    }

    /** The entity; null for a create (or a new import) until the write step made it. */
    public Entry entry() {
        return entry;
    }

    void entry(Entry made) {
        this.entry = made;
    }

    /** Whether the entry leaves the live ones (recycle, purge). */
    boolean removes() {
        return op == Op.RECYCLE || op == Op.PURGE;
    }

    /** Attribute values as the caller gave them. */
    public Map<String, List<String>> requested() {
        return requested;
    }

    /** Attribute values as the schema rule normalised them (member as UUIDs); what the write step stores. */
    public Map<String, List<String>> values() {
        return values;
    }

    /** What the entry's sync account must yield for a local write to go ahead. */
    Set<String> governed() {
        return governed;
    }

    /** The sync account writing ({@link Op#IMPORT}, or a recycle by sync), or null for a local write. */
    public Optional<UUID> syncOwner() {
        return Optional.ofNullable(syncOwner);
    }

    public String externalId() {
        return externalId;
    }

    /** Entries whose transitive memberships this write may have changed. */
    public Set<UUID> membershipChanges() {
        return membershipChanges;
    }

    /** Whether the write changes the entry itself (a credential guard alone does not: its rows are elsewhere). */
    boolean touches() {
        return touches;
    }

    boolean posixRequested() {
        return posixRequested;
    }

    Long requestedGid() {
        return requestedGid;
    }

    Optional<Integer> gidnumber() {
        return Optional.ofNullable(gidnumber);
    }

    void gidnumber(int chosen) {
        this.gidnumber = chosen;
    }

    void checkAccess() {
        access.accept(this);
    }

    void applyChange() {
        change.accept(entry);
    }

    /** How a refusal names the entry: its source's id for an imported one, else its name. */
    public String label() {
        if (externalId != null) {
            return externalId + " (" + uuid + ")";
        }
        if (entry != null) {
            return entry.name();
        }
        List<String> names = requested.getOrDefault(Schema.NAME, List.of());
        return names.isEmpty() ? uuid.toString() : String.valueOf(names.get(0));
    }
}
