package dev.signet.batch.ldap;

import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.signet.model.EntryKind;
import dev.signet.schema.Schema;
import dev.signet.sync.LdapAttributeMap;
import dev.signet.sync.LdapSource;
import dev.signet.sync.SyncApplier;
import dev.signet.sync.SyncRuns;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Step 1's processor: a directory entry in Signet's terms. People are named by {@code uid},
 * groups by {@code cn}; the identity is the source's {@code entryUUID} (so a rename upstream is
 * a rename here), or one derived from the DN where the source has none. Excluded names are
 * skipped; remapped names imported under their new name.
 */
@Named
@Dependent
public class LdapEntryMapper implements ItemProcessor {
    @Inject
    private JobContext job;
    @EJB
    private SyncRuns runs;

    private LdapSource source;

    @Override
    public Object processItem(Object item) {
        if (source == null) {
            source = runs.source(LdapEntryReader.run(job)).source();
        }
        if (item instanceof SyncRuns.SourceMark mark) {
            return mark;
        }
        SearchResultEntry entry = (SearchResultEntry) item;
        LdapAttributeMap map = source.attributeMap();
        boolean group = LdapSource.GROUP_CLASSES.stream().anyMatch(entry::hasObjectClass);
        String name = entry.getAttributeValue(group ? map.of("group_name") : map.of("name"));
        if (name == null) {
            return null;
        }
        name = name.toLowerCase(Locale.ROOT);
        if (source.exclude().contains(name)) {
            return null;
        }
        name = source.remap().getOrDefault(name, name);
        Map<String, List<String>> attrs = new LinkedHashMap<>();
        attrs.put(Schema.NAME, List.of(name));
        String display = entry.getAttributeValue(map.of("displayname")) != null ? entry.getAttributeValue(map.of("displayname"))
                : entry.getAttributeValue("cn");
        if (display != null) {
            attrs.put(Schema.DISPLAYNAME, List.of(display));
        }
        if (group) {
            List<String> members = new ArrayList<>();
            for (String attribute : new java.util.LinkedHashSet<>(List.of(map.of("member"), "uniqueMember"))) {
                String[] values = entry.getAttributeValues(attribute);
                if (values != null) {
                    members.addAll(List.of(values));
                }
            }
            attrs.put(Schema.MEMBER, members);
            String[] memberUids = entry.getAttributeValues(map.of("memberuid"));
            if (memberUids != null) {
                attrs.put(SyncRuns.MEMBER_UID, List.of(memberUids));
            }
            if (entry.getAttributeValue(map.of("gidnumber")) != null) {
                attrs.put(Schema.GIDNUMBER, List.of(entry.getAttributeValue(map.of("gidnumber"))));
            }
        } else {
            // Kanidm's model: an account's uid number and its personal group's gid number are one
            if (entry.getAttributeValue(map.of("uidnumber")) != null) {
                attrs.put(Schema.GIDNUMBER, List.of(entry.getAttributeValue(map.of("uidnumber"))));
            }
            String[] keys = entry.getAttributeValues(map.of("ssh_publickey"));
            if (keys != null) {
                List<String> tagged = new ArrayList<>();
                for (int i = 0; i < keys.length; i++) {
                    tagged.add("ldap" + (i + 1) + ": " + keys[i]);
                }
                attrs.put(Schema.SSH_PUBLICKEY, tagged);
            }
            String hash = entry.getAttributeValue(map.of("password"));
            if (hash != null) {
                attrs.put(SyncApplier.PASSWORD_HASH, List.of(hash));
            }
            String[] mail = entry.getAttributeValues(map.of("mail"));
            attrs.put(Schema.MAIL, mail == null ? List.of() : List.of(mail));
            if (entry.getAttributeValue(map.of("loginshell")) != null) {
                attrs.put(Schema.LOGINSHELL, List.of(entry.getAttributeValue(map.of("loginshell"))));
            }
        }
        return new SyncRuns.SourceItem(group ? EntryKind.GROUP : EntryKind.PERSON, identity(entry, map.of("id")), entry.getDN(), attrs);
    }

    /**
     * The source's own id: a UUID string (entryUUID, nsUniqueId-like ipaUniqueID), Active
     * Directory's 16-byte objectGUID (its first three fields little-endian), or, where the source
     * has none, one derived from the DN.
     */
    private static UUID identity(SearchResultEntry entry, String attribute) {
        byte[] raw = entry.getAttributeValueBytes(attribute);
        if (raw != null && raw.length == 16) {
            java.nio.ByteBuffer guid = java.nio.ByteBuffer.wrap(raw);
            long high = Integer.toUnsignedLong(Integer.reverseBytes(guid.getInt())) << 32
                    | (long) (Short.reverseBytes(guid.getShort()) & 0xFFFF) << 16 | Short.reverseBytes(guid.getShort()) & 0xFFFF;
            return new UUID(high, guid.getLong());
        }
        String value = entry.getAttributeValue(attribute);
        if (value != null) {
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                // not a UUID: fall back to the DN
            }
        }
        return UUID.nameUUIDFromBytes(entry.getDN().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }
}
