package dev.signet.it;

import static dev.signet.it.LdapGatewayIT.BASE;
import static dev.signet.it.LdapGatewayIT.fixture;
import static dev.signet.it.LdapGatewayIT.trustingTheServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.time.Instant;

/**
 * Plain LDAP, which the H2 test server turns on ({@code -Dsignet.ldap.port=3389} in
 * arquillian.xml; off by default, as the PostgreSQL server shows): no password before StartTLS.
 */
@ExtendWith(ArquillianExtension.class)
class LdapStartTlsIT {
    private static final int PLAIN_PORT = 3389;

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    @Test
    void plainLdapTakesNoPasswordBeforeStartTls() throws Exception {
        LdapGatewayIT.Fixture f = fixture();
        try (LDAPConnection ldap = new LDAPConnection("localhost", PLAIN_PORT)) {
            assertTrue(ldap.getRootDSE().supportsExtendedOperation(StartTLSExtendedRequest.STARTTLS_REQUEST_OID));
            LDAPException clear = assertThrows(LDAPException.class, () -> ldap.bind(f.jsmith(), f.password()));
            assertEquals(ResultCode.CONFIDENTIALITY_REQUIRED, clear.getResultCode());
            LDAPException clearWrong = assertThrows(LDAPException.class, () -> ldap.bind(f.jsmith(), "wrong"));
            assertEquals(ResultCode.CONFIDENTIALITY_REQUIRED, clearWrong.getResultCode(), "the password is not checked, so nothing is told");

            assertEquals(ResultCode.SUCCESS, ldap.processExtendedOperation(new StartTLSExtendedRequest(trustingTheServer().createSSLContext("TLSv1.2")))
                    .getResultCode());
            assertEquals(ResultCode.SUCCESS, ldap.bind(f.jsmith(), f.password()).getResultCode());
            assertEquals(f.jsmith(), ldap.searchForEntry(BASE, SearchScope.SUB, "(uid=" + f.jsmith() + ")", "uid").getAttributeValue("uid"));
        }
        String events = SignetApi.admin().get("/v1/audit?type=ldap.bind&since=" + Instant.now().minusSeconds(120)).expect(200).body();
        assertTrue(events.contains("password sent without TLS"), events);
    }
}
