package dev.signet.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.entry.EntryView;
import dev.signet.model.EntryKind;
import dev.signet.schema.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LdapEntryMappingTest {
    private final LdapEntryMapping mapping = new LdapEntryMapping(LdapNames.of("example.com", "dc=example,dc=com"));

    @Test
    void timesAreGeneralizedTimeAndFlagsLdapBooleans() {
        EntryView person = new EntryView(EntryKind.PERSON, UUID.randomUUID(), Map.of(Schema.NAME, List.of("jsmith"),
                Schema.CREATED_AT, List.of("2026-12-03T18:34:52.655674Z"), Schema.MODIFIED_AT, List.of("2026-12-03T18:35:00Z"),
                Schema.ACCOUNT_EXPIRE, List.of("2027-01-01T00:00:00Z"), Schema.LOCKED, List.of("false")));
        Map<String, List<String>> ldap = mapping.map(person, List.of(), List.of()).attributes();
        assertEquals(List.of("20261203183452.655674Z"), ldap.get("createTimestamp"));
        assertEquals(List.of("20261203183500Z"), ldap.get("modifyTimestamp"));
        assertEquals(List.of("20270101000000Z"), ldap.get("accountExpire"));
        assertEquals(List.of("FALSE"), ldap.get("accountLocked"));
        EntryView locked = new EntryView(EntryKind.PERSON, UUID.randomUUID(), Map.of(Schema.NAME, List.of("ana"), Schema.LOCKED, List.of("true")));
        assertEquals(List.of("TRUE"), mapping.map(locked, List.of(), List.of()).attributes().get("accountLocked"));
    }

    @Test
    void memberUidListsOnlyThePosixAccountsAmongTheMembers() {
        EntryView group = new EntryView(EntryKind.GROUP, UUID.randomUUID(), Map.of(Schema.NAME, List.of("devs"), Schema.GIDNUMBER, List.of("70000"),
                Schema.MEMBER, List.of("spn=jsmith@example.com,dc=example,dc=com", "spn=ana@example.com,dc=example,dc=com",
                        "spn=nested@example.com,dc=example,dc=com")));
        Map<String, List<String>> ldap = mapping.map(group, List.of(), List.of("jsmith")).attributes();
        assertEquals(List.of("spn=jsmith@example.com,dc=example,dc=com", "spn=ana@example.com,dc=example,dc=com",
                "spn=nested@example.com,dc=example,dc=com"), ldap.get("member"), "member names every member");
        assertEquals(List.of("jsmith"), ldap.get("memberUid"));
        assertFalse(mapping.map(group, List.of(), List.of()).attributes().containsKey("memberUid"), "no POSIX member, no memberUid");
    }

    @Test
    void memberUidIsReturnedForEverythingOrWhenNamed() {
        assertTrue(LdapEntryMapping.returns(List.of(), "memberUid"));
        assertTrue(LdapEntryMapping.returns(List.of("*"), "memberUid"));
        assertTrue(LdapEntryMapping.returns(List.of("cn", "memberuid"), "memberUid"));
        assertFalse(LdapEntryMapping.returns(List.of("cn", "member"), "memberUid"));
        assertFalse(LdapEntryMapping.returns(List.of("1.1"), "memberUid"));
    }

    @Test
    void plusRequestsTheOperationalAttributes() {
        EntryView person = new EntryView(EntryKind.PERSON, UUID.randomUUID(), Map.of(Schema.NAME, List.of("jsmith"),
                Schema.UUID, List.of(UUID.randomUUID().toString()), Schema.CREATED_AT, List.of("2026-12-03T18:34:52Z")));
        assertEquals(Set.of("entryUUID", "createTimestamp", "uid"), mapping.map(person, List.of("+", "uid"), List.of()).attributes().keySet());
    }
    @Test
    void anAccountsPosixIdIsBothNumbersAndItsDisplayNameItsGecos() {
        EntryView person = new EntryView(EntryKind.PERSON, UUID.randomUUID(), Map.of(Schema.NAME, List.of("jsmith"),
                Schema.GIDNUMBER, List.of("70001"), Schema.UIDNUMBER, List.of("70001"), Schema.DISPLAYNAME, List.of("John Smith"),
                Schema.SSH_PUBLICKEY, List.of("laptop: ssh-ed25519 AAAAC3Nz jsmith@laptop")));
        Map<String, List<String>> ldap = mapping.map(person, List.of(), List.of()).attributes();
        assertEquals(List.of("70001"), ldap.get("uidNumber"));
        assertEquals(List.of("70001"), ldap.get("gidNumber"));
        assertEquals(List.of("John Smith"), ldap.get("gecos"));
        assertEquals(List.of("/home/jsmith"), ldap.get("homeDirectory"));
        assertEquals(List.of("ssh-ed25519 AAAAC3Nz jsmith@laptop"), ldap.get("sshPublicKey"), "the key alone, as openssh-lpk reads it");
        EntryView group = new EntryView(EntryKind.GROUP, UUID.randomUUID(), Map.of(Schema.NAME, List.of("devs"),
                Schema.GIDNUMBER, List.of("70002"), Schema.DISPLAYNAME, List.of("Developers")));
        Map<String, List<String>> groupLdap = mapping.map(group, List.of(), List.of()).attributes();
        assertFalse(groupLdap.containsKey("uidNumber") || groupLdap.containsKey("gecos") || groupLdap.containsKey("homeDirectory"),
                groupLdap.toString());
    }

    @Test
    void requestedLdapNamesReadTheSchemaAttributesTheyAreMadeFrom() {
        assertEquals(Set.of(Schema.NAME, Schema.GIDNUMBER, Schema.DISPLAYNAME, Schema.MEMBER, Schema.UIDNUMBER),
                LdapEntryMapping.schemaAttributesFor(List.of("gecos", "memberUid", "uidNumber", "cn")));
        assertEquals(Set.of(Schema.NAME, Schema.GIDNUMBER, Schema.MEMBER), LdapEntryMapping.schemaAttributesFor(List.of("uniqueMember")));
        assertEquals(Schema.names(), LdapEntryMapping.schemaAttributesFor(List.of("*")));
        assertEquals(Set.of(Schema.NAME, Schema.GIDNUMBER), LdapEntryMapping.schemaAttributesFor(List.of("favouriteColour")));
    }
}
