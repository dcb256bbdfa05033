package dev.signet.it;

import static dev.signet.it.LdapGatewayIT.BASE;
import static dev.signet.it.LdapGatewayIT.connect;
import static dev.signet.it.LdapGatewayIT.dn;
import static dev.signet.it.LdapGatewayIT.fixture;
import static dev.signet.it.SignetApi.attrs;
import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.util.StaticUtils;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.io.IOException;
import java.util.ArrayList;

/**
 * What the gateway's values and schema look like to schema-aware LDAP clients: Generalized Time
 * and LDAP Booleans, a subschema entry (RFC 4512) named by the root DSE, extensible matches, RFC
 * 2307 memberUid; and a client that fails the TLS handshake costs the log at most a line.
 */
@ExtendWith(ArquillianExtension.class)
class LdapSyntaxIT {
    private static final int PORT = 3636;

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    @Test
    void timesAreGeneralizedTimeAndTheLockFlagAnLdapBoolean() throws Exception {
        LdapGatewayIT.Fixture f = fixture();
        try (LDAPConnection ldap = connect()) {
            ldap.bind(f.jsmith(), f.password());
            SearchResultEntry john = ldap.searchForEntry(BASE, SearchScope.SUB, "(uid=" + f.jsmith() + ")",
                    "createTimestamp", "modifyTimestamp", "accountLocked");
            for (String attribute : List.of("createTimestamp", "modifyTimestamp")) {
                String value = john.getAttributeValue(attribute);
                assertTrue(value.matches("\\d{14}(\\.\\d{1,9})?Z"), attribute + ": " + value);
                Instant when = StaticUtils.decodeGeneralizedTime(value).toInstant();
                assertTrue(Duration.between(when, Instant.now()).abs().compareTo(Duration.ofMinutes(10)) < 0, attribute + ": " + value);
            }
            assertEquals("FALSE", john.getAttributeValue("accountLocked"));
        }
    }

    @Test
    void theRootDseNamesASubschemaThatDescribesWhatIsServed() throws Exception {
        try (LDAPConnection ldap = connect()) {
            RootDSE root = ldap.getRootDSE();
            assertEquals("cn=schema", root.getAttributeValue("subschemaSubentry"));
            // the SDK reads it as Apache Directory Studio does: the root DSE's subschemaSubentry, then that entry
            Schema schema = ldap.getSchema();
            assertNotNull(schema, "a schema was read");
            assertEquals("0.9.2342.19200300.100.1.1", schema.getAttributeType("uid").getOID());
            assertEquals("1.3.6.1.1.1.1.12", schema.getAttributeType("memberUid").getOID());
            assertEquals("1.3.6.1.4.1.1466.115.121.1.24", schema.getAttributeType("createTimestamp").getSyntaxOID());
            assertEquals("1.3.6.1.1.1.2.0", schema.getObjectClass("posixAccount").getOID());
            assertNotNull(schema.getObjectClass("signet_person"));

            SearchResultEntry subschema = ldap.searchForEntry("cn=schema", SearchScope.BASE, "(objectClass=subschema)",
                    "objectClasses", "attributeTypes");
            assertEquals(List.of("attributeTypes", "objectClasses"), subschema.getAttributes().stream().map(a -> a.getName()).sorted().toList());
            assertEquals(0, ldap.search("cn=schema", SearchScope.BASE, "(objectClass=person)").getEntryCount(), "the filter is applied");
        }
        String out = ldapsearch("-b", "cn=schema", "-s", "base");
        assertTrue(out.contains("attributeTypes: ( 0.9.2342.19200300.100.1.1 NAME 'uid'"), out);
        assertTrue(out.contains("objectClasses: ( 1.3.6.1.1.1.2.2 NAME 'posixGroup'"), out);
    }

    @Test
    void extensibleMatchesUseTheirRuleAndOtherRulesAreInappropriate() throws Exception {
        LdapGatewayIT.Fixture f = fixture();
        String upper = f.jsmith().toUpperCase();
        try (LDAPConnection ldap = connect()) {
            ldap.bind(f.jsmith(), f.password());
            for (String filter : List.of("(uid:=" + f.jsmith() + ")", "(uid:caseExactMatch:=" + f.jsmith() + ")", "(uid:2.5.13.5:=" + f.jsmith() + ")",
                    "(uid:caseIgnoreMatch:=" + upper + ")", "(&(objectClass=posixAccount)(uid:caseIgnoreIA5Match:=" + upper + "))",
                    "(displayName:caseExactMatch:=John Smith)")) {
                List<String> found = ldap.search(BASE, SearchScope.SUB, "(&" + filter + "(uid=" + f.jsmith() + "))", "uid")
                        .getSearchEntries().stream().map(SearchResultEntry::getDN).toList();
                assertEquals(List.of(dn(f.jsmith())), found, filter);
            }
            for (String filter : List.of("(uid:caseExactMatch:=" + upper + ")", "(displayName:caseExactMatch:=john smith)")) {
                assertEquals(0, ldap.search(BASE, SearchScope.SUB, filter, "uid").getEntryCount(), filter);
            }
            for (String filter : List.of("(uid:bogusMatch:=x)", "(uid:integerMatch:=5)", "(uid:dn:caseIgnoreMatch:=x)", "(:caseExactMatch:=x)",
                    "(|(uid=" + f.jsmith() + ")(uid:1.2.3.4:=x))")) {
                LDAPException refused = assertThrows(LDAPException.class, () -> ldap.search(BASE, SearchScope.SUB, filter, "uid"), filter);
                assertEquals(ResultCode.INAPPROPRIATE_MATCHING, refused.getResultCode(), filter);
                assertFalse(refused.getDiagnosticMessage().contains("EXTENSIBLE"), refused.getDiagnosticMessage());
            }
        }
    }

    @Test
    void memberUidListsOnlyThePosixAccountsAmongTheMembers() throws Exception {
        LdapGatewayIT.Fixture f = fixture();
        String plain = unique("plain");
        f.idm().post("/v1/person", attrs("name", plain, "displayname", "Not POSIX")).expect(201);
        f.idm().post("/v1/group/" + f.developers() + "/_attr/member", "[\"" + plain + "\"]").expect(200);
        try (LDAPConnection ldap = connect()) {
            ldap.bind(f.jsmith(), f.password());
            SearchResultEntry developers = ldap.searchForEntry(BASE, SearchScope.SUB, "(cn=" + f.developers() + ")", "member", "memberUid");
            assertEquals(2, developers.getAttributeValues("member").length, developers.toLDIFString());
            assertEquals(List.of(f.jsmith()), List.of(developers.getAttributeValues("memberUid")), "the person without POSIX ids is no memberUid");
            SearchResultEntry engineering = ldap.searchForEntry(BASE, SearchScope.SUB, "(cn=" + f.engineering() + ")", "member", "memberUid");
            assertEquals(List.of(dn(f.developers())), List.of(engineering.getAttributeValues("member")));
            assertFalse(engineering.hasAttribute("memberUid"), "a nested group is no memberUid");
            assertEquals(0, ldap.search(BASE, SearchScope.SUB, "(memberUid=" + plain + ")", "cn").getEntryCount(), "nor found as one");
            assertEquals(0, ldap.search(BASE, SearchScope.SUB, "(&(cn=" + f.engineering() + ")(memberUid=*))", "cn").getEntryCount());
            assertEquals(1, ldap.search(BASE, SearchScope.SUB, "(memberUid=" + f.jsmith() + ")", "cn").getEntryCount());
        }
    }

    @Test
    void aClientThatFailsTheTlsHandshakeCostsTheLogAtMostOneLine() throws Exception {
        Path log = SignetServer.baseDir().resolve("log/server.log");
        long before = lines(log);
        for (int i = 0; i < 3; i++) {
            try (Socket socket = new Socket("127.0.0.1", PORT)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                drain(socket.getInputStream());
            }
        }
        // a client that offers only TLS 1.0, which the listener does not speak
        Process old = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + PORT, "-tls1", "-cipher", "DEFAULT@SECLEVEL=0")
                .redirectErrorStream(true).start();
        old.getOutputStream().close();
        String said = new String(old.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(old.waitFor(30, TimeUnit.SECONDS), said);
        assertTrue(old.exitValue() != 0 && !said.contains("BEGIN CERTIFICATE"), "no TLS 1.0 session: " + said);
        try (LDAPConnection ldap = connect()) {
            assertEquals(List.of(BASE), List.of(ldap.getRootDSE().getNamingContextDNs()), "the listener still answers");
        }
        List<String> written = Files.readAllLines(log, StandardCharsets.UTF_8);
        List<String> added = written.subList((int) Math.min(before, written.size()), written.size());
        assertTrue(added.size() <= 1, added.size() + " lines for four failed handshakes:\n" + String.join("\n", added));
    }

    /** Reads until the server hangs up (or resets): by then it has dealt with the connection. */
    private static void drain(InputStream in) {
        try {
            while (in.read(new byte[512]) >= 0) {
                // the server's alert, if any
            }
        } catch (IOException reset) {
            // closed by the server
        }
    }

    private static long lines(Path log) throws Exception {
        try (var stream = Files.lines(log, StandardCharsets.UTF_8)) {
            return stream.count();
        }
    }

    private static String ldapsearch(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("ldapsearch", "-H", "ldaps://127.0.0.1:" + PORT, "-x", "-LLL", "-o", "ldif-wrap=no", "-l", "20"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // the OpenLDAP client checks the name against the address; the UnboundID tests check the certificate
        builder.environment().put("LDAPTLS_REQCERT", "never");
        Process ldapsearch = builder.start();
        String out = new String(ldapsearch.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ldapsearch.waitFor(30, TimeUnit.SECONDS), "ldapsearch answered");
        assertEquals(0, ldapsearch.exitValue(), out);
        return out;
    }
}
