package dev.signet.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.fault.InvalidInput;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LdapAttributeMapTest {
    @Test
    void theDefaultsAreOpenLdapsNames() {
        assertEquals(Map.ofEntries(Map.entry("id", "entryUUID"), Map.entry("name", "uid"), Map.entry("group_name", "cn"),
                Map.entry("displayname", "displayName"), Map.entry("mail", "mail"), Map.entry("uidnumber", "uidNumber"),
                Map.entry("gidnumber", "gidNumber"), Map.entry("ssh_publickey", "sshPublicKey"), Map.entry("loginshell", "loginShell"),
                Map.entry("password", "userPassword"), Map.entry("member", "member"), Map.entry("memberuid", "memberUid")),
                LdapAttributeMap.DEFAULTS);
    }

    @Test
    void onlyKnownKeysAreMappedAndOnlyToAttributeNames() {
        LdapAttributeMap ad = new LdapAttributeMap(Map.of("name", "sAMAccountName", "id", "objectGUID"));
        assertEquals("sAMAccountName", ad.of("name"));
        assertEquals("mail", ad.of("mail"));
        assertThrows(InvalidInput.class, () -> new LdapAttributeMap(Map.of("favourite_colour", "colour")));
        assertThrows(InvalidInput.class, () -> new LdapAttributeMap(Map.of("name", "uid)(x=*")));
    }
}
