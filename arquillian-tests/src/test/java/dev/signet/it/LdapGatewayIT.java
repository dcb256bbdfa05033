package dev.signet.it;

import static dev.signet.it.SignetApi.attrs;
import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldap.sdk.extensions.WhoAmIExtendedRequest;
import com.unboundid.ldap.sdk.extensions.WhoAmIExtendedResult;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * The LDAP gateway over LDAPS on 3636 with real clients: the UnboundID LDAP SDK (trusting exactly
 * the server's key store, so the certificate is HTTPS's) and OpenLDAP's ldapsearch.
 */
@ExtendWith(ArquillianExtension.class)
class LdapGatewayIT {
    static final String BASE = "dc=localhost";
    private static final int PORT = 3636;

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    static SSLUtil trustingTheServer() throws Exception {
        String password = Files.readString(SignetServer.installation().resolve("standalone/data/signet/tls-keystore.password")).trim();
        return new SSLUtil(new TrustStoreTrustManager(SignetServer.baseDir().resolve("data/signet/tls.p12").toFile(), password.toCharArray(),
                "PKCS12", true));
    }

    private static SSLSocketFactory tls() throws Exception {
        return trustingTheServer().createSSLSocketFactory("TLSv1.2");
    }

    static LDAPConnection connect() throws Exception {
        return new LDAPConnection(tls(), "localhost", PORT);
    }

    /** jsmith (POSIX, with a password) in developers, which is in engineering. */
    record Fixture(SignetApi idm, String jsmith, String password, String developers, String engineering) {
    }

    static Fixture fixture() {
        SignetApi idm = SignetApi.idmAdmin();
        String jsmith = unique("jsmith");
        String password = "ldap gateway passphrase 77";
        idm.createPersonWithPassword(jsmith, password);
        idm.patch("/v1/person/" + jsmith, attrs("mail", jsmith + "@example.com", "displayname", "John Smith")).expect(200);
        idm.post("/v1/person/" + jsmith + "/_unix", "{\"shell\":\"/bin/bash\"}").expect(200);
        String developers = unique("developers");
        String engineering = unique("engineering");
        idm.post("/v1/group", attrs("name", developers)).expect(201);
        idm.post("/v1/group", attrs("name", engineering)).expect(201);
        idm.post("/v1/group/" + developers + "/_attr/member", "[\"" + jsmith + "\"]").expect(200);
        idm.post("/v1/group/" + engineering + "/_attr/member", "[\"" + developers + "\"]").expect(200);
        return new Fixture(idm, jsmith, password, developers, engineering);
    }

    static String dn(String name) {
        return "spn=" + name + "@localhost," + BASE;
    }

    @Test
    void anonymousReadsTheRootDseAndNothingElse() throws Exception {
        try (LDAPConnection ldap = connect()) {
            RootDSE root = ldap.getRootDSE();
            assertEquals(List.of(BASE), List.of(root.getNamingContextDNs()));
            assertTrue(root.supportsExtendedOperation("1.3.6.1.4.1.4203.1.11.3"), "whoami");
            assertTrue(root.supportsControl(SimplePagedResultsControl.PAGED_RESULTS_OID));
            assertEquals(0, ldap.search(BASE, SearchScope.SUB, "(objectClass=*)").getEntryCount(), "anonymous sees no entries");
            // the SDK itself refuses to send this; a careless client might
            ldap.getConnectionOptions().setBindWithDNRequiresPassword(false);
            assertEquals(ResultCode.UNWILLING_TO_PERFORM, assertThrows(LDAPException.class, () -> ldap.bind(dn("idm_admin"), "")).getResultCode(),
                    "a name without a password is not an anonymous bind");
        }
    }

    @Test
    void aPersonBindsInEveryDnFormAndReadsPeopleGroupsAndPosix() throws Exception {
        Fixture f = fixture();
        for (String form : List.of(dn(f.jsmith()), "name=" + f.jsmith() + "," + BASE, "uid=" + f.jsmith() + ",ou=people," + BASE, f.jsmith())) {
            try (LDAPConnection ldap = connect()) {
                assertEquals(ResultCode.SUCCESS, ldap.bind(form, f.password()).getResultCode(), form);
            }
        }
        try (LDAPConnection ldap = connect()) {
            ldap.bind(f.jsmith(), f.password());
            assertEquals("dn:" + dn(f.jsmith()), ((WhoAmIExtendedResult) ldap.processExtendedOperation(new WhoAmIExtendedRequest()))
                    .getAuthorizationID());
            SearchResultEntry john = ldap.searchForEntry(BASE, SearchScope.SUB, "(uid=" + f.jsmith() + ")", "uid", "mail", "displayName", "memberOf");
            assertEquals(dn(f.jsmith()), john.getDN());
            assertEquals(f.jsmith(), john.getAttributeValue("uid"));
            assertEquals(f.jsmith() + "@example.com", john.getAttributeValue("mail"), "a person reads their own mail");
            assertEquals("John Smith", john.getAttributeValue("displayName"));
            assertEquals(Set.of(dn(f.developers()), dn(f.engineering())), Set.of(john.getAttributeValues("memberOf")), "nested groups");
            assertEquals(Set.of("uid", "mail", "displayName", "memberOf"), Set.copyOf(john.getAttributes().stream().map(a -> a.getName()).toList()),
                    "only the requested attributes");

            SearchResult groups = ldap.search(BASE, SearchScope.SUB, "(&(objectClass=groupOfNames)(cn=" + f.developers() + "))");
            assertEquals(1, groups.getEntryCount());
            assertEquals(List.of(dn(f.jsmith())), List.of(groups.getSearchEntries().get(0).getAttributeValues("member")));
            assertEquals(List.of(f.jsmith()), List.of(groups.getSearchEntries().get(0).getAttributeValues("memberUid")));

            // nslcd's initgroups: the groups naming a person by uid or by DN
            SearchResult initgroups = ldap.search(BASE, SearchScope.SUB, "(&(objectClass=groupOfNames)(|(memberUid=" + f.jsmith() + ")(member="
                    + Filter.encodeValue(dn(f.jsmith())) + ")))", "cn");
            assertEquals(Set.of(dn(f.developers())), Set.copyOf(initgroups.getSearchEntries().stream().map(SearchResultEntry::getDN).toList()));
            assertEquals(Set.of(dn(f.engineering())), Set.copyOf(ldap.search(BASE, SearchScope.SUB, "(&(member=" + Filter.encodeValue(dn(f.developers()))
                    + ")(member=*))", "cn").getSearchEntries().stream().map(SearchResultEntry::getDN).toList()), "a group as a member");

            SearchResultEntry posix = ldap.searchForEntry(BASE, SearchScope.SUB,
                    "(&(objectClass=posixAccount)(uidNumber>=65536)(uid=" + f.jsmith() + "))");
            assertTrue(Integer.parseInt(posix.getAttributeValue("uidNumber")) >= 65536, posix.toLDIFString());
            assertEquals(posix.getAttributeValue("uidNumber"), posix.getAttributeValue("gidNumber"));
            assertEquals("/bin/bash", posix.getAttributeValue("loginShell"));
            assertEquals("/home/" + f.jsmith(), posix.getAttributeValue("homeDirectory"));
            assertEquals(0, ldap.search(BASE, SearchScope.SUB, "(&(objectClass=posixAccount)(uidNumber<=65535)(uid=" + f.jsmith() + "))")
                    .getEntryCount());

            assertTrue(ldap.compare(dn(f.jsmith()), "displayName", "John Smith").compareMatched());
            assertTrue(!ldap.compare(dn(f.jsmith()), "displayName", "Someone Else").compareMatched());
            assertTrue(!ldap.compare(dn(f.jsmith()), "mail", f.jsmith() + "@example.com").compareMatched(),
                    "mail is private: without idm_account_read_priv it matches nothing, as in a search filter");
            assertTrue(ldap.compare(dn(f.jsmith()), "memberOf", dn(f.engineering())).compareMatched(), "nested membership");
            assertEquals(ResultCode.NO_SUCH_OBJECT, assertThrows(LDAPException.class,
                    () -> ldap.compare(dn(unique("nobody")), "uid", "x")).getResultCode());

            SearchResultEntry base = ldap.getEntry(dn(f.jsmith()), "cn");
            assertEquals(f.jsmith(), base.getAttributeValue("cn"), "a base search on an entry's DN");
            assertEquals(ResultCode.NO_SUCH_OBJECT, assertThrows(LDAPException.class,
                    () -> ldap.search("dc=elsewhere", SearchScope.SUB, "(objectClass=*)")).getResultCode());
            // an injection attempt is one value: no entry is named that
            assertEquals(0, ldap.search(new SearchRequest(BASE, SearchScope.SUB, Filter.createEqualityFilter("uid", "*)(uid=*")))
                    .getEntryCount());
            assertEquals(ResultCode.UNWILLING_TO_PERFORM, assertThrows(LDAPException.class, () -> ldap.delete(dn(f.jsmith()))).getResultCode());
        }
    }

    @Test
    void theCoresRefusalsAnswerAsTheirResultCodesAndTheConnectionGoesOn() throws Exception {
        Fixture f = fixture();
        try (LDAPConnection ldap = connect()) {
            ldap.bind(dn(f.jsmith()), f.password());
            assertEquals(ResultCode.UNDEFINED_ATTRIBUTE_TYPE, assertThrows(LDAPException.class,
                    () -> ldap.compare(dn(f.jsmith()), "favouriteColour", "blue")).getResultCode(), "an attribute type not defined here");
            assertEquals(ResultCode.INVALID_ATTRIBUTE_SYNTAX, assertThrows(LDAPException.class,
                    () -> ldap.compare(dn(f.jsmith()), "gidNumber", "many")).getResultCode(), "a value an integer attribute cannot hold");
            LDAPException missing = assertThrows(LDAPException.class,
                    () -> ldap.search(dn(unique("nobody")), SearchScope.BASE, "(objectClass=*)"));
            assertEquals(ResultCode.NO_SUCH_OBJECT, missing.getResultCode());
            assertEquals(BASE, missing.getMatchedDN(), "the naming context is what exists above it");
            assertEquals(ResultCode.INAPPROPRIATE_MATCHING, assertThrows(LDAPException.class,
                    () -> ldap.search(BASE, SearchScope.SUB, "(uid:dn:caseExactMatch:=" + f.jsmith() + ")")).getResultCode());
            assertTrue(ldap.compare(dn(f.jsmith()), "uid", f.jsmith()).compareMatched(), "the connection is still bound, still answering");
        }
    }

    @Test
    void aBoundConnectionKeepsItsIdentityWhenTheAccountIsRenamed() throws Exception {
        Fixture f = fixture();
        try (LDAPConnection ldap = connect()) {
            ldap.bind(dn(f.jsmith()), f.password());
            String renamed = unique("renamed");
            f.idm().patch("/v1/person/" + f.jsmith(), attrs("name", renamed)).expect(200);
            assertEquals(1, ldap.search(BASE, SearchScope.SUB, "(uid=" + renamed + ")", "uid").getEntryCount(),
                    "the connection is bound to the account, not to the name it had");
        }
    }

    @Test
    void searchVolumeAndBindsAreMetrics() throws Exception {
        Fixture f = fixture();
        Map<String, Double> before = metrics();
        try (LDAPConnection ldap = connect()) {
            ldap.bind(f.jsmith(), f.password());
            for (int i = 0; i < 3; i++) {
                assertEquals(1, ldap.search(BASE, SearchScope.SUB, "(uid=" + f.jsmith() + ")", "uid").getEntryCount());
            }
            assertThrows(LDAPException.class, () -> ldap.bind(f.jsmith(), "wrong"));
        }
        Map<String, Double> after = metrics();
        assertEquals(3, delta(before, after, "signet_ldap_searches_seconds_count", "result_code=\"0\""), after.toString());
        assertEquals(3, delta(before, after, "signet_ldap_search_entries_total", ""));
        assertEquals(1, delta(before, after, "signet_ldap_binds_total", "result_code=\"0\""));
        assertEquals(1, delta(before, after, "signet_ldap_binds_total", "result_code=\"49\""));
    }

    /** The server's Prometheus endpoint (management interface), as metric line prefix -> value. */
    private static Map<String, Double> metrics() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:9990/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        Map<String, Double> values = new HashMap<>();
        response.body().lines().filter(l -> l.startsWith("signet_ldap_")).forEach(l -> values.put(l.substring(0, l.lastIndexOf(' ')),
                Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))));
        return values;
    }

    /** How much the metric {@code name} grew, over its lines with {@code tag}. */
    private static double delta(Map<String, Double> before, Map<String, Double> after, String name, String tag) {
        return sum(after, name, tag) - sum(before, name, tag);
    }

    private static double sum(Map<String, Double> values, String name, String tag) {
        return values.entrySet().stream().filter(e -> e.getKey().startsWith(name + "{") && e.getKey().contains(tag))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    @Test
    void ldapBindsAreAuditedWithThePeerAddressAsTheirSource() throws Exception {
        Fixture f = fixture();
        Instant start = Instant.now().minusSeconds(1);
        try (LDAPConnection ldap = connect()) {
            ldap.bind(f.jsmith(), f.password());
            assertThrows(LDAPException.class, () -> ldap.bind(f.jsmith(), "a wrong password"));
        }
        List<JsonObject> binds = SignetApi.admin().get("/v1/audit?type=ldap.bind&since=" + start, "application/x-ndjson")
                .expect(200).body().lines().map(l -> Json.createReader(new StringReader(l)).readObject())
                .filter(e -> e.toString().contains(f.jsmith())).toList();
        assertEquals(Set.of("success", "failure"), binds.stream().map(e -> e.getString("outcome")).collect(Collectors.toSet()));
        for (JsonObject bind : binds) {
            String source = bind.getString("source");
            assertTrue(source.startsWith("127.") || source.contains(":"), "the client's address, as for REST: " + bind);
        }
    }

    @Test
    void aServiceAccountBindsWithItsApiTokenAndWrongPasswordsLockAnAccount() throws Exception {
        Fixture f = fixture();
        String svc = unique("svc");
        f.idm().post("/v1/service_account", attrs("name", svc, "displayname", "LDAP reader")).expect(201);
        String token = f.idm().post("/v1/service_account/" + svc + "/_api_token", "{\"label\":\"nslcd\"}").expect(201).object().getString("token");
        for (String name : List.of("dn=token", dn(svc))) {
            try (LDAPConnection ldap = connect()) {
                assertEquals(ResultCode.SUCCESS, ldap.bind(name, token).getResultCode(), name);
                assertEquals(1, ldap.search(BASE, SearchScope.SUB, "(uid=" + f.jsmith() + ")").getEntryCount());
            }
        }
        try (LDAPConnection ldap = connect()) {
            assertEquals(ResultCode.INVALID_CREDENTIALS, assertThrows(LDAPException.class, () -> ldap.bind(dn(f.jsmith()), token)).getResultCode(),
                    "a token binds only as its own service account");
            for (int i = 0; i < 5; i++) {
                assertEquals(ResultCode.INVALID_CREDENTIALS, assertThrows(LDAPException.class, () -> ldap.bind(f.jsmith(), "wrong")).getResultCode());
            }
            LDAPException locked = assertThrows(LDAPException.class, () -> ldap.bind(f.jsmith(), f.password()));
            assertEquals(ResultCode.INVALID_CREDENTIALS, locked.getResultCode(), "locked out: the right password fails too, and says no more");
            LDAPException unknown = assertThrows(LDAPException.class, () -> ldap.bind(unique("nobody"), "wrong"));
            assertEquals(locked.getDiagnosticMessage(), unknown.getDiagnosticMessage(), "the same answer for an unknown name");
        }
    }

    @Test
    void lockedAndExpiredAccountsDoNotBind() throws Exception {
        Fixture locked = fixture();
        locked.idm().post("/v1/person/" + locked.jsmith() + "/_lock", "{\"reason\":\"left the company\"}").expect(204);
        Fixture expired = fixture();
        expired.idm().patch("/v1/person/" + expired.jsmith(), attrs("account_expire", "2020-01-01T00:00:00Z")).expect(200);
        try (LDAPConnection ldap = connect()) {
            for (Fixture f : List.of(locked, expired)) {
                LDAPException refused = assertThrows(LDAPException.class, () -> ldap.bind(f.jsmith(), f.password()));
                assertEquals(ResultCode.INVALID_CREDENTIALS, refused.getResultCode(), "the right password, and still no");
                assertEquals("invalid credentials", refused.getDiagnosticMessage(), "nothing says why");
            }
        }
        expired.idm().patch("/v1/person/" + expired.jsmith(), "{\"attrs\":{\"account_expire\":[]}}").expect(200);
        try (LDAPConnection ldap = connect()) {
            assertEquals(ResultCode.SUCCESS, ldap.bind(expired.jsmith(), expired.password()).getResultCode(), "valid again");
        }
    }

    @Test
    void aPagedSearchReturnsTwoThousandFiveHundredEntriesExactlyOnce() throws Exception {
        SignetApi idm = SignetApi.idmAdmin();
        String account = unique("ldap_paged");
        idm.post("/v1/sync_account", attrs("name", account)).expect(201);
        SignetApi sync = SignetApi.withToken(idm.post("/v1/sync_account/" + account + "/_sync_token", "").expect(200).object().getString("token"));
        String prefix = unique("pg");
        JsonArrayBuilder entries = Json.createArrayBuilder();
        for (int i = 0; i < 2500; i++) {
            entries.add(Json.createObjectBuilder().add("schemas", Json.createArrayBuilder().add("urn:ietf:params:scim:schemas:kanidm:sync:1:person"))
                    .add("id", UUID.randomUUID().toString()).add("external_id", "uid=" + prefix + i)
                    .add("attrs", Json.createObjectBuilder().add("name", Json.createArrayBuilder().add(prefix + "p" + i))));
        }
        sync.post("/scim/v1/Sync", Json.createObjectBuilder().add("from_state", "Refresh")
                .add("to_state", Json.createObjectBuilder().add("Active", Json.createObjectBuilder().add("cookie", "c1")))
                .add("entries", entries).add("retain", "Ignore").add("delete_uuids", Json.createArrayBuilder()).build().toString()).expect(200);

        Fixture f = fixture();
        try (LDAPConnection ldap = connect()) {
            ldap.bind(f.jsmith(), f.password());
            Set<String> seen = new HashSet<>();
            int pages = 0;
            ASN1OctetString cookie = null;
            do {
                SearchRequest request = new SearchRequest(BASE, SearchScope.SUB, "(uid=" + prefix + "p*)", "uid");
                request.setControls(new SimplePagedResultsControl(300, cookie));
                SearchResult page = ldap.search(request);
                for (SearchResultEntry entry : page.getSearchEntries()) {
                    assertTrue(seen.add(entry.getDN()), "returned twice: " + entry.getDN());
                }
                cookie = SimplePagedResultsControl.get(page).getCookie();
                pages++;
            } while (cookie != null && cookie.getValueLength() > 0);
            assertEquals(2500, seen.size());
            assertEquals(9, pages);
            assertEquals(ResultCode.SIZE_LIMIT_EXCEEDED, assertThrows(LDAPException.class,
                    () -> ldap.search(BASE, SearchScope.SUB, "(uid=" + prefix + "p*)")).getResultCode(), "1024 without paging");
        }
    }

    @Test
    void ldapsearchFromOpenLdapReadsAnEntry() throws Exception {
        Fixture f = fixture();
        ProcessBuilder builder = new ProcessBuilder("ldapsearch", "-H", "ldaps://127.0.0.1:" + PORT, "-x", "-D", dn(f.jsmith()), "-w",
                f.password(), "-b", BASE, "-LLL", "-l", "20", "(uid=" + f.jsmith() + ")", "mail", "memberOf").redirectErrorStream(true);
        Path output = Files.createTempFile("ldapsearch", ".ldif");
        builder.redirectOutput(output.toFile());
        // the OpenLDAP client checks the name against the address it resolves to; the UnboundID tests check the certificate
        builder.environment().put("LDAPTLS_REQCERT", "never");
        Process ldapsearch = builder.start();
        assertTrue(ldapsearch.waitFor(30, TimeUnit.SECONDS), "ldapsearch answered");
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, ldapsearch.exitValue(), out);
        assertTrue(out.contains("dn: " + dn(f.jsmith())), out);
        assertTrue(out.contains("mail: " + f.jsmith() + "@example.com"), out);
        assertTrue(out.contains("memberOf: " + dn(f.engineering())), out);
    }

    @Test
    void anAccountHeldToMfaOrPasskeysDoesNotBindWithItsPasswordWhileTheBreakGlassAccountsDo() throws Exception {
        Fixture f = fixture();
        try (LDAPConnection ldap = connect()) {
            assertEquals(ResultCode.SUCCESS, ldap.bind(f.jsmith(), f.password()).getResultCode(), "no policy yet");
        }
        String mfaOnly = unique("mfaonly");
        f.idm().post("/v1/group", "{\"attrs\":{\"name\":[\"" + mfaOnly + "\"],\"member\":[\"" + f.jsmith() + "\"]}}").expect(201);
        f.idm().patch("/v1/group/" + mfaOnly, attrs("credential_type_minimum", "passkey")).expect(200);
        String admin = unique("ldapadmin");
        String adminPassword = "a long enough passphrase for admins 42";
        f.idm().createPersonWithPassword(admin, adminPassword);
        SignetApi.admin().post("/v1/group/idm_admins/_attr/member", SignetApi.list(admin)).expect(200);
        Instant since = Instant.now().minusSeconds(5);
        try (LDAPConnection ldap = connect()) {
            for (String[] refused : List.of(new String[] {f.jsmith(), f.password()}, new String[] {admin, adminPassword})) {
                LDAPException denied = assertThrows(LDAPException.class, () -> ldap.bind(refused[0], refused[1]), refused[0]);
                assertEquals(ResultCode.INVALID_CREDENTIALS, denied.getResultCode(), "the right password, and a policy that wants more");
                assertEquals("invalid credentials", denied.getDiagnosticMessage(), "nothing says why");
            }
            assertEquals(0, ldap.search(BASE, SearchScope.SUB, "(uid=" + f.jsmith() + ")").getEntryCount(), "still anonymous");
            assertEquals(ResultCode.SUCCESS, ldap.bind("idm_admin", SignetApi.firstBootPassword("idm_admin")).getResultCode(),
                    "the break-glass account keeps its password, as in /v1/auth");
        }
        String events = SignetApi.admin().get("/v1/audit?type=ldap.bind&since=" + since).expect(200).body();
        assertTrue(events.contains("account policy requires credential type passkey"), events);
        assertTrue(events.contains("account policy requires credential type mfa"), events);
    }

    @Test
    void aFilterOfMoreThanFiveHundredAndTwelveElementsIsRefusedBeforeItCostsAnything() throws Exception {
        Fixture f = fixture();
        try (LDAPConnection ldap = connect()) {
            ldap.bind(f.jsmith(), f.password());
            assertEquals(1, ldap.search(BASE, SearchScope.SUB, wideOr(f.jsmith(), 510)).getEntryCount(), "511 elements are evaluated");
            long start = System.nanoTime();
            LDAPException refused = assertThrows(LDAPException.class, () -> ldap.search(BASE, SearchScope.SUB, wideOr(f.jsmith(), 20_000)));
            assertEquals(ResultCode.ADMIN_LIMIT_EXCEEDED, refused.getResultCode());
            assertEquals("the filter has more than 512 elements", refused.getDiagnosticMessage());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3), "refused at once, not after seconds of work");
            assertEquals(1, ldap.search(BASE, SearchScope.SUB, "(uid=" + f.jsmith() + ")").getEntryCount(), "the connection goes on");
        }
    }

    /** An OR of {@code others} names that match nothing and one that does. */
    private static String wideOr(String match, int others) {
        StringBuilder filter = new StringBuilder("(|(uid=").append(match).append(')');
        for (int i = 0; i < others; i++) {
            filter.append("(uid=nobody").append(i).append(')');
        }
        return filter.append(')').toString();
    }

    @Test
    void anUnboundConnectionMaySendNoLargePduAndOneAddressOpensAtMostSixtyFourConnections() throws Exception {
        SSLSocketFactory tls = tls();
        InetAddress server = InetAddress.getByName("127.0.0.1");
        try (SSLSocket hostile = (SSLSocket) tls.createSocket(server, PORT, InetAddress.getByName("127.0.0.5"), 0)) {
            hostile.setSoTimeout(10_000);
            OutputStream out = hostile.getOutputStream();
            // an LDAPMessage claiming 100,000 bytes before any bind: more than the 8 KiB an unbound connection may send
            out.write(new byte[] {0x30, (byte) 0x84, 0, 1, (byte) 0x86, (byte) 0xa0});
            out.write(new byte[9000]);
            out.flush();
            int read;
            try {
                read = hostile.getInputStream().read();
            } catch (SocketTimeoutException stillOpen) {
                read = -2;
            } catch (IOException closed) {
                read = -1;
            }
            assertEquals(-1, read, "the server hung up");
        }
        List<SSLSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 64; i++) {
                SSLSocket socket = (SSLSocket) tls.createSocket(server, PORT, InetAddress.getByName("127.0.0.6"), 0);
                open.add(socket);
                socket.setSoTimeout(10_000);
                socket.startHandshake();
            }
            SSLSocket extra = (SSLSocket) tls.createSocket(server, PORT, InetAddress.getByName("127.0.0.6"), 0);
            open.add(extra);
            extra.setSoTimeout(10_000);
            assertThrows(IOException.class, extra::startHandshake, "the 65th from one address is closed at once");
            try (LDAPConnection ldap = connect()) {
                assertEquals(List.of(BASE), List.of(ldap.getRootDSE().getNamingContextDNs()), "other addresses are served");
            }
        } finally {
            for (SSLSocket socket : open) {
                socket.close();
            }
        }
    }

    @Test
    void tenThousandMalformedPdusLeaveTheListenerAnswering() throws Exception {
        SSLSocketFactory tls = tls();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> sent = new ArrayList<>();
        for (int worker = 0; worker < 8; worker++) {
            int seed = worker;
            sent.add(pool.submit(() -> {
                Random random = new Random(seed);
                int pdus = 0;
                while (pdus < 1250) {
                    try (SSLSocket socket = (SSLSocket) tls.createSocket("localhost", PORT)) {
                        socket.setSoTimeout(200);
                        OutputStream out = socket.getOutputStream();
                        // a burst of malformed PDUs on one connection: the first that cannot be read ends it
                        for (int i = 0; i < 25 && pdus < 1250; i++, pdus++) {
                            byte[] junk = new byte[2 + random.nextInt(120)];
                            random.nextBytes(junk);
                            if (random.nextBoolean()) {
                                junk[0] = 0x30;
                                junk[1] = (byte) (junk.length - 2);
                            }
                            out.write(junk);
                        }
                        out.flush();
                        socket.getInputStream().read(new byte[256]);
                    } catch (IOException closed) {
                        // the server hung up on this connection: expected
                    }
                }
                return pdus;
            }));
        }
        int total = 0;
        for (Future<Integer> f : sent) {
            total += f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertEquals(10_000, total);
        try (LDAPConnection ldap = connect()) {
            assertEquals(List.of(BASE), List.of(ldap.getRootDSE().getNamingContextDNs()), "the listener still answers");
        }
    }

    /**
     * A right password that a policy refuses is counted like a wrong one: were it given back, the
     * lockout counter would tell a guesser which of their guesses was the password.
     */
    @Test
    void aRightPasswordThatAPolicyRefusesCountsTowardTheLockLikeAWrongOne() throws Exception {
        Fixture f = fixture();
        String mfaOnly = unique("mfaonly");
        f.idm().post("/v1/group", "{\"attrs\":{\"name\":[\"" + mfaOnly + "\"],\"member\":[\"" + f.jsmith() + "\"]}}").expect(201);
        f.idm().patch("/v1/group/" + mfaOnly, attrs("credential_type_minimum", "mfa")).expect(200);
        try (LDAPConnection ldap = connect()) {
            for (int i = 0; i < 4; i++) {
                String guess = "wrong guess " + i;
                assertEquals(ResultCode.INVALID_CREDENTIALS, assertThrows(LDAPException.class, () -> ldap.bind(dn(f.jsmith()), guess)).getResultCode());
            }
            assertEquals(ResultCode.INVALID_CREDENTIALS, assertThrows(LDAPException.class, () -> ldap.bind(dn(f.jsmith()), f.password()))
                    .getResultCode(), "the right password, refused by the policy");
        }
        SignetApi.Response init = SignetApi.anonymous().send("POST", "/v1/auth", "{\"step\":{\"init\":" + SignetApi.quote(f.jsmith()) + "}}", null)
                .expect(200);
        String session = init.header(SignetApi.SESSION_HEADER);
        SignetApi.anonymous().send("POST", "/v1/auth", "{\"step\":{\"begin\":\"password\"}}", session).expect(200);
        SignetApi.Response next = SignetApi.anonymous().send("POST", "/v1/auth",
                "{\"step\":{\"cred\":{\"password\":" + SignetApi.quote(f.password()) + "}}}", session);
        assertEquals(429, next.status(), "five attempts counted, the right one among them: " + next.body());
    }
}
