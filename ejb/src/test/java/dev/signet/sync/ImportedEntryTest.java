package dev.signet.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.signet.model.EntryKind;
import dev.signet.schema.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import java.util.Optional;

class ImportedEntryTest {
    private static final UUID ID = UUID.randomUUID();

    @Test
    void aPersonsUidNumberIsItsPosixIdAndItsKeysAreTaggedInOrder() {
        SyncRuns.SourceItem item = ImportedEntry.person("jsmith").displayname("John Smith").posixId("70001")
                .sshPublicKeys(List.of("ssh-ed25519 AAAA one", "ssh-ed25519 BBBB two")).mail(List.of()).loginShell(null)
                .item(ID, "uid=jsmith,dc=example,dc=com");
        assertEquals(EntryKind.PERSON, item.kind());
        Map<String, List<String>> attrs = item.attrs();
        assertEquals(List.of("70001"), attrs.get(Schema.GIDNUMBER));
        assertEquals(List.of("ldap1: ssh-ed25519 AAAA one", "ldap2: ssh-ed25519 BBBB two"), attrs.get(Schema.SSH_PUBLICKEY));
        assertEquals(List.of(), attrs.get(Schema.MAIL), "no mail at the source clears what an earlier run imported");
        assertFalse(attrs.containsKey(Schema.LOGINSHELL), "what the source does not say is left alone");
    }

    @Test
    void aGroupKeepsItsMembersAsDnsAndItsMemberUidsByName() {
        SyncRuns.SourceItem item = ImportedEntry.group("devs").members(List.of("uid=jsmith,dc=example,dc=com")).memberUids(List.of())
                .posixId("70002").item(ID, "cn=devs,dc=example,dc=com");
        assertEquals(EntryKind.GROUP, item.kind());
        assertEquals(List.of(Schema.NAME, Schema.MEMBER, Schema.GIDNUMBER), List.copyOf(item.attrs().keySet()));
    }

    @Test
    void excludedNamesAreSkippedAndRemappedOnesRenamed() {
        LdapSource source = new LdapSource("ldaps://ldap.example.com", "cn=r,dc=example,dc=com", "dc=example,dc=com", null, null, null,
                List.of("root"), Map.of("admin", "ldap_admin"), null);
        assertEquals(Optional.empty(), source.importedName("Root"));
        assertEquals(Optional.of("ldap_admin"), source.importedName("ADMIN"));
        assertEquals(Optional.of("jsmith"), source.importedName("JSmith"));
    }
}
