package dev.signet.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DomainNameTest {

    @Test
    void baseDnHasOneDomainComponentPerLabel() {
        assertEquals("dc=idm,dc=example,dc=com", new DomainName("idm.example.com").baseDn());
        assertEquals("dc=localhost", new DomainName("localhost").baseDn());
    }

    @Test
    void nameIsLowerCasedAndTrimmed() {
        assertEquals("idm.example.com", new DomainName(" IDM.Example.COM ").value());
    }

    @Test
    void malformedNamesAreRejected() {
        for (String bad : new String[] {"", " ", "idm..example.com", "-idm.example.com", "idm.example.com.",
                "idm_example.com", "idm example.com", "a".repeat(64) + ".com"}) {
            assertThrows(IllegalArgumentException.class, () -> new DomainName(bad), bad);
        }
    }

    @Test
    void configuredDomainDefaultsToLocalhost() {
        String saved = System.clearProperty(DomainConfiguration.DOMAIN_PROPERTY);
        try {
            assertEquals(new DomainName("localhost"), DomainConfiguration.configuredDomain());
            System.setProperty(DomainConfiguration.DOMAIN_PROPERTY, "idm.example.org");
            assertEquals("dc=idm,dc=example,dc=org", DomainConfiguration.configuredDomain().baseDn());
        } finally {
            if (saved == null) {
                System.clearProperty(DomainConfiguration.DOMAIN_PROPERTY);
            } else {
                System.setProperty(DomainConfiguration.DOMAIN_PROPERTY, saved);
            }
        }
    }
}
