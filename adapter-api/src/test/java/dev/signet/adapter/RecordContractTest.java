package dev.signet.adapter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.adapter.ldap.LdapBindResult;
import dev.signet.adapter.ldap.LdapBoundIdentity;
import dev.signet.adapter.ldap.LdapConnection;
import dev.signet.adapter.ldap.LdapFilter;
import dev.signet.adapter.ldap.LdapResult;
import dev.signet.adapter.ldap.LdapSearch;
import dev.signet.adapter.radius.RadiusAccessRequest;
import dev.signet.adapter.radius.RadiusAnswer;
import dev.signet.adapter.radius.RadiusClientKey;
import dev.signet.adapter.radius.RadiusCredential;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordContractTest {

    @Test
    void searchScopeOutsideRfc4511IsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new LdapSearch("dc=example", 3, LdapFilter.everything(), List.of(), 0, 0, 0, null));
    }

    @Test
    void searchCannotBeChangedThroughTheListsOrCookiesItWasBuiltFrom() {
        List<String> attrs = new ArrayList<>(List.of("uid"));
        byte[] cookie = {1, 2};
        LdapSearch search = new LdapSearch("dc=example", 2, new LdapFilter.Equality("uid", "a"), attrs, 0, 0, 10, cookie);
        attrs.add("userPassword");
        cookie[0] = 9;
        assertEquals(List.of("uid"), search.attributes());
        assertArrayEquals(new byte[] {1, 2}, search.pageCookie());
    }

    @Test
    void connectionWithoutBindNameIsAnonymous() {
        assertTrue(new LdapConnection("c1", "127.0.0.1", null, true).anonymous());
        LdapConnection bound = new LdapConnection("c1", "127.0.0.1",
                new LdapBoundIdentity(UUID.randomUUID(), UUID.randomUUID(), "spn=admin@example.com,dc=example,dc=com"), true);
        assertFalse(bound.anonymous());
        assertEquals("spn=admin@example.com,dc=example,dc=com", bound.boundDn());
    }

    @Test
    void onlyASuccessfulBindBindsAnIdentity() {
        assertThrows(IllegalArgumentException.class, () -> new LdapBindResult(new LdapResult(LdapResult.INVALID_CREDENTIALS, "", "no"),
                new LdapBoundIdentity(UUID.randomUUID(), UUID.randomUUID(), "spn=a@example.com,dc=example,dc=com")));
        assertTrue(LdapBindResult.refused(new LdapResult(LdapResult.INVALID_CREDENTIALS, "", "no")).bound() == null);
    }

    @Test
    void aFilterPrintsAsRfc4515TextWithItsValuesEscaped() {
        LdapFilter filter = new LdapFilter.And(List.of(new LdapFilter.Equality("uid", "a*(b)\\"),
                new LdapFilter.Not(new LdapFilter.Substrings("cn", null, List.of("x"), "é")),
                new LdapFilter.ExtensibleMatch("uid", "caseExactMatch", "J", false), new LdapFilter.Present("mail")));
        assertEquals("(&(uid=a\\2a\\28b\\29\\5c)(!(cn=*x*\\c3\\a9))(uid:caseExactMatch:=J)(mail=*))", filter.toString());
    }

    @Test
    void rejectCarriesNoReplyAttributes() {
        assertThrows(IllegalArgumentException.class,
                () -> new RadiusAnswer(false, List.of(new RadiusAnswer.ReplyAttribute(11, "staff"))));
        assertFalse(RadiusAnswer.reject().accept());
    }

    @Test
    void accessRequestNeverPrintsThePassword() {
        RadiusAccessRequest request = new RadiusAccessRequest("nas1", "127.0.0.1", "jsmith", "hunter2".toCharArray(), null);
        assertFalse(request.toString().contains("hunter2"));
    }

    @Test
    void papPasswordIsACopyTheCallerMayClear() {
        char[] password = "hunter2".toCharArray();
        RadiusCredential.Pap pap = new RadiusCredential.Pap(password);
        password[0] = 'X';
        char[] read = pap.password();
        read[1] = 'Y';
        assertEquals("hunter2", new String(pap.password()));
    }

    @Test
    void rejectMayCarryAnEapFailureOnly() {
        RadiusAnswer failure = new RadiusAnswer(RadiusAnswer.Kind.REJECT,
                List.of(new RadiusAnswer.ReplyAttribute(0, RadiusAnswer.EAP_MESSAGE, new byte[] {4, 1, 0, 4}, false)));
        assertFalse(failure.accept());
        assertThrows(IllegalArgumentException.class, () -> new RadiusAnswer(RadiusAnswer.Kind.REJECT,
                List.of(new RadiusAnswer.ReplyAttribute(311, 26, new byte[] {1}, false))));
    }

    @Test
    void clientKeyNeverPrintsTheSecret() {
        assertFalse(new RadiusClientKey("wifi", "s3cret-s3cret".getBytes(), true).toString().contains("s3cret"));
        assertThrows(IllegalArgumentException.class, () -> new RadiusClientKey("wifi", new byte[0], true));
    }
}
