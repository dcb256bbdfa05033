package dev.signet.batch.ldap;

import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.signet.model.EntryKind;
import dev.signet.schema.Schema;
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
        boolean group = entry.hasObjectClass("groupOfNames") || entry.hasObjectClass("groupOfUniqueNames") || entry.hasObjectClass("posixGroup");
        String name = group ? entry.getAttributeValue("cn") : entry.getAttributeValue("uid");
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
        String display = entry.getAttributeValue("displayName") != null ? entry.getAttributeValue("displayName") : entry.getAttributeValue("cn");
        if (display != null) {
            attrs.put(Schema.DISPLAYNAME, List.of(display));
        }
        if (group) {
            List<String> members = new ArrayList<>();
            for (String attribute : List.of("member", "uniqueMember")) {
                String[] values = entry.getAttributeValues(attribute);
                if (values != null) {
                    members.addAll(List.of(values));
                }
            }
            attrs.put(Schema.MEMBER, members);
            String[] memberUids = entry.getAttributeValues("memberUid");
            if (memberUids != null) {
                attrs.put(SyncRuns.MEMBER_UID, List.of(memberUids));
            }
            if (entry.getAttributeValue("gidNumber") != null) {
                attrs.put(Schema.GIDNUMBER, List.of(entry.getAttributeValue("gidNumber")));
            }
        } else {
            // Kanidm's model: an account's uid number and its personal group's gid number are one
            if (entry.getAttributeValue("uidNumber") != null) {
                attrs.put(Schema.GIDNUMBER, List.of(entry.getAttributeValue("uidNumber")));
            }
            String[] keys = entry.getAttributeValues("sshPublicKey");
            if (keys != null) {
                List<String> tagged = new ArrayList<>();
                for (int i = 0; i < keys.length; i++) {
                    tagged.add("ldap" + (i + 1) + ": " + keys[i]);
                }
                attrs.put(Schema.SSH_PUBLICKEY, tagged);
            }
            String hash = entry.getAttributeValue("userPassword");
            if (hash != null) {
                attrs.put(SyncApplier.PASSWORD_HASH, List.of(hash));
            }
            String[] mail = entry.getAttributeValues("mail");
            attrs.put(Schema.MAIL, mail == null ? List.of() : List.of(mail));
            if (entry.getAttributeValue("loginShell") != null) {
                attrs.put(Schema.LOGINSHELL, List.of(entry.getAttributeValue("loginShell")));
            }
        }
        return new SyncRuns.SourceItem(group ? EntryKind.GROUP : EntryKind.PERSON, identity(entry), entry.getDN(), attrs);
    }

    private static UUID identity(SearchResultEntry entry) {
        String entryUuid = entry.getAttributeValue("entryUUID");
        if (entryUuid != null) {
            try {
                return UUID.fromString(entryUuid);
            } catch (IllegalArgumentException e) {
                // not a UUID: fall back to the DN
            }
        }
        return UUID.nameUUIDFromBytes(entry.getDN().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }
}
