package dev.signet.it;

import static dev.signet.it.LdapGatewayIT.BASE;
import static dev.signet.it.LdapGatewayIT.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A search's time limit, made to run out for real: another PostgreSQL session holds a lock on
 * the mail table, so a search by mail waits on it until its time limit cancels the statement.
 */
@Tag("postgresql")
@ExtendWith(ArquillianExtension.class)
class OnPostgresqlLdapTimeLimitIT {
    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    @Test
    void aSearchHeldUpPastItsTimeLimitAnswersTimeLimitExceededAndTheNextOneWorks() throws Exception {
        LdapGatewayIT.Fixture f = LdapGatewayIT.fixture();
        String mail = f.jsmith() + "@example.com";
        String password = SignetApi.firstBootPassword("idm_admin");
        try (LDAPConnection ldap = connect()) {
            // idm_admin may filter on mail, a private attribute
            ldap.bind("idm_admin", password);
            try (Connection db = DriverManager.getConnection(System.getProperty("signet.test.pg.url"), System.getProperty("signet.test.pg.user"), "")) {
                db.setAutoCommit(false);
                try (Statement sql = db.createStatement()) {
                    sql.execute("lock table entry_mail in access exclusive mode");
                }
                SearchRequest byMail = new SearchRequest(BASE, SearchScope.SUB, "(mail=" + mail + ")", "uid");
                byMail.setTimeLimitSeconds(1);
                long start = System.nanoTime();
                LDAPException late = assertThrows(LDAPException.class, () -> ldap.search(byMail));
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertEquals(ResultCode.TIME_LIMIT_EXCEEDED, late.getResultCode(), late.getMessage());
                assertTrue(took.compareTo(Duration.ofMillis(900)) > 0 && took.compareTo(Duration.ofSeconds(20)) < 0, "answered after " + took);
                db.rollback();
            }
            SearchRequest again = new SearchRequest(BASE, SearchScope.SUB, "(mail=" + mail + ")", "uid");
            again.setTimeLimitSeconds(1);
            assertEquals(f.jsmith(), ldap.search(again).getSearchEntries().get(0).getAttributeValue("uid"), "the same connection goes on");
        }
    }
}
