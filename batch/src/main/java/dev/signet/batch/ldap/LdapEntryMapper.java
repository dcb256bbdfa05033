package dev.signet.batch.ldap;

import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.signet.sync.ImportedEntry;
import dev.signet.sync.LdapAttributeMap;
import dev.signet.sync.LdapSource;
import dev.signet.sync.SyncRuns;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.nio.ByteBuffer;

/**
 * Step 1's processor: reads a directory entry's attributes (through the source's attribute map)
 * and hands their values to the core's {@link ImportedEntry}, which says what they mean in
 * Signet. People are named by {@code uid}, groups by {@code cn}; the identity is the source's
 * {@code entryUUID} (so a rename upstream is a rename here), or one derived from the DN where the
 * source has none. Excluded names are skipped; remapped names imported under their new name.
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
        String sourceName = entry.getAttributeValue(group ? map.of("group_name") : map.of("name"));
        Optional<String> name = sourceName == null ? Optional.empty() : source.importedName(sourceName);
        if (name.isEmpty()) {
            return null;
        }
        ImportedEntry imported = group ? ImportedEntry.group(name.get()) : ImportedEntry.person(name.get());
        String display = entry.getAttributeValue(map.of("displayname"));
        imported.displayname(display != null ? display : entry.getAttributeValue("cn"));
        if (group) {
            List<String> members = new ArrayList<>();
            for (String attribute : new LinkedHashSet<>(List.of(map.of("member"), "uniqueMember"))) {
                members.addAll(values(entry, attribute));
            }
            imported.members(members).memberUids(values(entry, map.of("memberuid"))).posixId(entry.getAttributeValue(map.of("gidnumber")));
        } else {
            imported.posixId(entry.getAttributeValue(map.of("uidnumber")))
                    .sshPublicKeys(values(entry, map.of("ssh_publickey")))
                    .passwordHash(entry.getAttributeValue(map.of("password")))
                    .mail(values(entry, map.of("mail")))
                    .loginShell(entry.getAttributeValue(map.of("loginshell")));
        }
        return imported.item(identity(entry, map.of("id")), entry.getDN());
    }

    private static List<String> values(SearchResultEntry entry, String attribute) {
        String[] values = entry.getAttributeValues(attribute);
        return values == null ? List.of() : List.of(values);
    }

    /**
     * The source's own id: a UUID string (entryUUID, nsUniqueId-like ipaUniqueID), Active
     * Directory's 16-byte objectGUID (its first three fields little-endian), or, where the source
     * has none, one derived from the DN.
     */
    private static UUID identity(SearchResultEntry entry, String attribute) {
        byte[] raw = entry.getAttributeValueBytes(attribute);
        if (raw != null && raw.length == 16) {
            ByteBuffer guid = ByteBuffer.wrap(raw);
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
