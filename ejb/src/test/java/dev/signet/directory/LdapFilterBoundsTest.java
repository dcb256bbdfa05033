package dev.signet.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.adapter.ldap.LdapFilter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LdapFilterBoundsTest {
    private static LdapFilter or(int terms) throws Exception {
        StringBuilder filter = new StringBuilder("(|");
        for (int i = 0; i < terms; i++) {
            filter.append("(uid=u").append(i).append(')');
        }
        return Filters.parse(filter.append(')').toString());
    }

    private static LdapFilter nested(int levels) throws Exception {
        return Filters.parse("(!".repeat(levels - 1) + "(uid=x)" + ")".repeat(levels - 1));
    }

    @Test
    void everyElementCountsUpToFiveHundredAndTwelve() throws Exception {
        assertEquals(Optional.empty(), LdapFilterBounds.exceeded(or(511)), "the OR and 511 terms");
        assertEquals(Optional.of("the filter has more than 512 elements"), LdapFilterBounds.exceeded(or(512)));
        assertTrue(LdapFilterBounds.exceeded(or(20_000)).isPresent());
    }

    @Test
    void nestingCountsUpToThirtyTwoLevels() throws Exception {
        assertEquals(Optional.empty(), LdapFilterBounds.exceeded(nested(32)));
        assertEquals(Optional.of("the filter nests deeper than 32 levels"), LdapFilterBounds.exceeded(nested(33)));
    }

    @Test
    void whatRealClientsSendIsWithinTheBounds() throws Exception {
        // nslcd's initgroups and a sync client's change filter
        assertEquals(Optional.empty(), LdapFilterBounds.exceeded(Filters.parse(
                "(&(objectClass=posixGroup)(|(memberUid=jsmith)(member=spn=jsmith@example.com,dc=example,dc=com)))")));
        assertEquals(Optional.empty(), LdapFilterBounds.exceeded(Filters.parse(
                "(&(|(objectClass=person)(objectClass=groupOfNames))(!(cn=tmp*))(uidNumber>=65536)(uidNumber<=70000))")));
    }
}
