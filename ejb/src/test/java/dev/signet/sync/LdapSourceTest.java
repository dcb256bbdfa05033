package dev.signet.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.fault.InvalidInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LdapSourceTest {
    private static LdapSource source(String bindDn, String baseDn, String personFilter, String groupFilter, String caPem) {
        return new LdapSource("ldaps://ldap.example.com", bindDn, baseDn, personFilter, groupFilter, caPem, List.of(), Map.of(), null);
    }

    private static void assertRefused(String field, Runnable make) {
        InvalidInput refused = assertThrows(InvalidInput.class, make::run);
        assertEquals(field, refused.field(), refused.getMessage());
    }

    @Test
    void aWellFormedSourceGetsTheDefaultFilters() {
        LdapSource source = source("cn=reader,dc=example,dc=com", "dc=example,dc=com", null, " ", null);
        assertEquals(LdapSource.DEFAULT_PERSON_FILTER, source.personFilter());
        assertEquals(LdapSource.DEFAULT_GROUP_FILTER, source.groupFilter());
    }

    @Test
    void eachBrokenFieldIsNamed() {
        assertRefused("bind_dn", () -> source("not a dn", "dc=example,dc=com", null, null, null));
        assertRefused("bind_dn", () -> source(null, "dc=example,dc=com", null, null, null));
        assertRefused("base_dn", () -> source("cn=reader,dc=example,dc=com", "dc=example,,", null, null, null));
        assertRefused("person_filter", () -> source("cn=r,dc=x", "dc=x", "(uid=*", null, null));
        assertRefused("group_filter", () -> source("cn=r,dc=x", "dc=x", null, "objectClass=group)", null));
        assertRefused("ca_pem", () -> source("cn=r,dc=x", "dc=x", null, null, "not a pem"));
        assertRefused("ca_pem", () -> source("cn=r,dc=x", "dc=x", null, null, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
        assertRefused("url", () -> new LdapSource("http://ldap.example.com", "cn=r,dc=x", "dc=x", null, null, null, null, null, null));
    }
}
