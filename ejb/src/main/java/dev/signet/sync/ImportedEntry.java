package dev.signet.sync;

import dev.signet.model.EntryKind;
import dev.signet.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a source directory says of one person or group, in Signet's terms, with the rules that
 * turn a directory's values into Signet's: an account's uid number and its personal group's gid
 * number are one POSIX id (Kanidm's model), so a person's {@code uidNumber} is imported as its
 * gidnumber; SSH keys arrive untagged and are tagged {@code ldap1}, {@code ldap2}, ... in the
 * source's order. The batch step reads the directory's attributes and hands the values here as
 * they are; what they mean is decided in the core.
 */
public final class ImportedEntry {
    private final EntryKind kind;
    private final Map<String, List<String>> attrs = new LinkedHashMap<>();

    private ImportedEntry(EntryKind kind, String name) {
        this.kind = kind;
        attrs.put(Schema.NAME, List.of(name));
    }

    public static ImportedEntry person(String name) {
        return new ImportedEntry(EntryKind.PERSON, name);
    }

    public static ImportedEntry group(String name) {
        return new ImportedEntry(EntryKind.GROUP, name);
    }

    public ImportedEntry displayname(String displayname) {
        return single(Schema.DISPLAYNAME, displayname);
    }

    /**
     * The entry's POSIX id: a person's {@code uidNumber} or a group's {@code gidNumber} (null when
     * the source has none). An account's personal group shares its number, so a person's uid
     * number is its gid number here.
     */
    public ImportedEntry posixId(String number) {
        return single(Schema.GIDNUMBER, number);
    }

    /** A person's keys as the source holds them, without tags: tagged ldap1, ldap2, ... in order. */
    public ImportedEntry sshPublicKeys(List<String> keys) {
        if (!keys.isEmpty()) {
            List<String> tagged = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                tagged.add("ldap" + (i + 1) + ": " + keys.get(i));
            }
            attrs.put(Schema.SSH_PUBLICKEY, tagged);
        }
        return this;
    }

    /** A person's mail; none given clears what an earlier import set. */
    public ImportedEntry mail(List<String> mail) {
        attrs.put(Schema.MAIL, List.copyOf(mail));
        return this;
    }

    public ImportedEntry loginShell(String shell) {
        return single(Schema.LOGINSHELL, shell);
    }

    /** The password hash the source keeps ({@code {SSHA}...}), imported sealed and upgraded at first login. */
    public ImportedEntry passwordHash(String hash) {
        return single(SyncApplier.PASSWORD_HASH, hash);
    }

    /** A group's members, as the DNs the source names them by. */
    public ImportedEntry members(List<String> dns) {
        attrs.put(Schema.MEMBER, List.copyOf(dns));
        return this;
    }

    /** A posixGroup's members, by name, resolved when the change set is applied. */
    public ImportedEntry memberUids(List<String> names) {
        if (!names.isEmpty()) {
            attrs.put(SyncRuns.MEMBER_UID, List.copyOf(names));
        }
        return this;
    }

    /** The staged item, identified by the source's own id for the entry. */
    public SyncRuns.SourceItem item(UUID uuid, String dn) {
        return new SyncRuns.SourceItem(kind, uuid, dn, attrs);
    }

    private ImportedEntry single(String attribute, String value) {
        if (value != null) {
            attrs.put(attribute, List.of(value));
        }
        return this;
    }
}
