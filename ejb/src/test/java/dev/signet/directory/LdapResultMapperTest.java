package dev.signet.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signet.adapter.ldap.LdapResult;
import dev.signet.fault.AccessDenied;
import dev.signet.fault.Conflict;
import dev.signet.fault.EntryNotFound;
import dev.signet.fault.InvalidInput;
import dev.signet.fault.NotAuthenticated;
import dev.signet.fault.PolicyViolation;
import dev.signet.fault.TooManyRequests;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LdapResultMapperTest {
    @Test
    void eachFaultHasItsResultCode() {
        assertEquals(17, LdapResultMapper.codeOf(new UndefinedAttributeType("favouriteColour")), "undefinedAttributeType");
        assertEquals(18, LdapResultMapper.codeOf(new InappropriateMatching("no")), "inappropriateMatching");
        assertEquals(11, LdapResultMapper.codeOf(new AdminLimitExceeded("too large")), "adminLimitExceeded");
        assertEquals(21, LdapResultMapper.codeOf(new InvalidInput("gidNumber", "not an integer")), "invalidAttributeSyntax");
        assertEquals(32, LdapResultMapper.codeOf(new EntryNotFound("x")), "noSuchObject");
        assertEquals(48, LdapResultMapper.codeOf(new NotAuthenticated("bind first")), "inappropriateAuthentication");
        assertEquals(50, LdapResultMapper.codeOf(new AccessDenied("no")), "insufficientAccessRights");
        assertEquals(51, LdapResultMapper.codeOf(new TooManyRequests("slow down", Duration.ofSeconds(1))), "busy");
        assertEquals(19, LdapResultMapper.codeOf(new Conflict("name", "taken")), "constraintViolation");
        assertEquals(19, LdapResultMapper.codeOf(new PolicyViolation("password", List.of("too short"))), "constraintViolation");
    }

    @Test
    void noSuchObjectNamesTheMatchedDnAndNothingOfWhatWasAsked() {
        LdapResult result = LdapResultMapper.of(new EntryNotFound("spn=hidden@example.com,dc=example,dc=com"), "dc=example,dc=com");
        assertEquals(new LdapResult(32, "dc=example,dc=com", "no such entry"), result);
    }

    @Test
    void otherFaultsKeepTheirMessageForTheClient() {
        assertEquals(new LdapResult(18, "", "matching rule x does not apply"),
                LdapResultMapper.of(new InappropriateMatching("matching rule x does not apply"), "dc=example,dc=com"));
    }
}
