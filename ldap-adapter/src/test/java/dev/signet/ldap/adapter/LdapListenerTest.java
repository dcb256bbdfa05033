package dev.signet.ldap.adapter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.ExtendedRequest;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.ldap.sdk.extensions.WhoAmIExtendedRequest;
import com.unboundid.ldap.sdk.extensions.WhoAmIExtendedResult;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import dev.signet.adapter.ldap.LdapBindResult;
import dev.signet.adapter.ldap.LdapBoundIdentity;
import dev.signet.adapter.ldap.LdapCompare;
import dev.signet.adapter.ldap.LdapConnection;
import dev.signet.adapter.ldap.LdapFilter;
import dev.signet.adapter.ldap.LdapRequestListener;
import dev.signet.adapter.ldap.LdapResult;
import dev.signet.adapter.ldap.LdapSearch;
import dev.signet.adapter.ldap.LdapSearchResult;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.function.Function;
import javax.net.ssl.SSLSocketFactory;

/**
 * The adapter's half on its own: TLS, the codec and the dispatch, with a listener standing in for
 * the core that records what it was handed. (The core's half runs in the Arquillian tests.)
 */
class LdapListenerTest {
    private static final List<LdapSearch> SEARCHES = new CopyOnWriteArrayList<>();
    private static final List<String> BINDS = new CopyOnWriteArrayList<>();
    private static final List<LdapCompare> COMPARES = new CopyOnWriteArrayList<>();
    private static final UUID JSMITH = UUID.randomUUID();
    private static LdapListener listener;
    private static LdapListener plain;

    /** Answers like a tiny directory: one bindable name, two entries, a page cookie. */
    private static final LdapRequestListener CORE = new LdapRequestListener() {
        @Override
        public LdapBindResult bind(LdapConnection connection, String name, char[] password) {
            BINDS.add(name + "/" + connection.boundDn() + "/" + connection.secure());
            return name.equals("name=jsmith,dc=example,dc=com") && new String(password).equals("right")
                    ? new LdapBindResult(LdapResult.success(), new LdapBoundIdentity(JSMITH, UUID.randomUUID(),
                            "spn=jsmith@example.com,dc=example,dc=com"))
                    : LdapBindResult.refused(new LdapResult(LdapResult.INVALID_CREDENTIALS, "", "invalid credentials"));
        }

        @Override
        public LdapResult compare(LdapConnection connection, LdapCompare compare) {
            COMPARES.add(compare);
            return new LdapResult(JSMITH.equals(connection.bound().account()) ? LdapResult.COMPARE_TRUE : LdapResult.COMPARE_FALSE, "", "");
        }

        @Override
        public LdapSearchResult search(LdapConnection connection, LdapSearch search) {
            SEARCHES.add(search);
            if (search.baseDn().equals("cn=nobody,dc=example,dc=com")) {
                return new LdapSearchResult(List.of(), new LdapResult(32, "dc=example,dc=com", "no such entry"), null);
            }
            return new LdapSearchResult(List.of(
                    new LdapSearchResult.Entry("spn=jsmith@example.com,dc=example,dc=com", Map.of("uid", List.of("jsmith"), "cn", List.of("jsmith"))),
                    new LdapSearchResult.Entry("spn=ana@example.com,dc=example,dc=com", Map.of("uid", List.of("ana")))),
                    LdapResult.success(), search.pageSize() > 0 && search.pageCookie().length == 0 ? new byte[] {1, 2} : null);
        }
    };

    @BeforeAll
    static void start() throws Exception {
        ServerKeyMaterial keys = TestKeyPair.make("ldaps-test");
        CoreEndpoint core = new CoreEndpoint() {
            @Override
            public <T> T call(Function<LdapRequestListener, T> operation) {
                return operation.apply(CORE);
            }
        };
        listener = LdapListener.ldaps(keys.context(), core);
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        plain = LdapListener.plain(keys.context(), core);
        plain.bind(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterAll
    static void stop() {
        listener.close();
        plain.close();
    }

    private static LDAPConnection connect() throws Exception {
        return new LDAPConnection(new SSLUtil(new TrustAllTrustManager()).createSSLSocketFactory("TLSv1.2"), "127.0.0.1", listener.port());
    }

    @Test
    void bindsAndSearchesReachTheCoreAndComeBackAsLdap() throws Exception {
        try (LDAPConnection ldap = connect()) {
            assertEquals(ResultCode.INVALID_CREDENTIALS,
                    assertThrows(LDAPException.class, () -> ldap.bind("name=jsmith,dc=example,dc=com", "wrong")).getResultCode());
            assertEquals(ResultCode.SUCCESS, ldap.bind("name=jsmith,dc=example,dc=com", "right").getResultCode());
            WhoAmIExtendedResult whoami = (WhoAmIExtendedResult) ldap.processExtendedOperation(new WhoAmIExtendedRequest());
            assertEquals("dn:spn=jsmith@example.com,dc=example,dc=com", whoami.getAuthorizationID());

            SearchResult result = ldap.search(new SearchRequest("dc=example,dc=com", SearchScope.SUB,
                    "(&(uid=jsmith)(mail=*x\\2a*))", "uid", "cn"));
            assertEquals(2, result.getEntryCount());
            assertEquals("jsmith", result.getSearchEntry("spn=jsmith@example.com,dc=example,dc=com").getAttributeValue("uid"));
            LdapSearch handed = SEARCHES.get(SEARCHES.size() - 1);
            assertEquals("dc=example,dc=com", handed.baseDn());
            assertEquals(2, handed.scope());
            assertEquals(List.of("uid", "cn"), handed.attributes());
            assertEquals(new LdapFilter.And(List.of(new LdapFilter.Equality("uid", "jsmith"),
                    new LdapFilter.Substrings("mail", null, List.of("x*"), null))), handed.filter(), "the decoded filter, values unescaped");
            assertEquals("name=jsmith,dc=example,dc=com//true", BINDS.get(BINDS.size() - 1),
                    "a bind carries the name, the connection's earlier bind (none after a failed one) and its TLS state");

            SearchRequest paged = new SearchRequest("dc=example,dc=com", SearchScope.SUB, "(objectClass=*)");
            paged.setControls(new SimplePagedResultsControl(100, null));
            SearchResult first = ldap.search(paged);
            assertArrayEquals(new byte[] {1, 2}, SimplePagedResultsControl.get(first).getCookie().getValue());
            assertEquals(100, SEARCHES.get(SEARCHES.size() - 1).pageSize());

            assertEquals(ResultCode.UNWILLING_TO_PERFORM, assertThrows(LDAPException.class,
                    () -> ldap.delete("spn=jsmith@example.com,dc=example,dc=com")).getResultCode(), "read-only");

            assertTrue(ldap.compare("spn=jsmith@example.com,dc=example,dc=com", "uid", "a*(").compareMatched(),
                    "the core's answer, for the identity the bind established");
            assertEquals(new LdapCompare("spn=jsmith@example.com,dc=example,dc=com", "uid", "a*("), COMPARES.get(COMPARES.size() - 1),
                    "the value as sent, nothing escaped");
        }
    }

    @Test
    void theCoresResultReachesTheClientWithItsMatchedDn() throws Exception {
        try (LDAPConnection ldap = connect()) {
            ldap.bind("name=jsmith,dc=example,dc=com", "right");
            LDAPException missing = assertThrows(LDAPException.class,
                    () -> ldap.search("cn=nobody,dc=example,dc=com", SearchScope.BASE, "(objectClass=*)"));
            assertEquals(ResultCode.NO_SUCH_OBJECT, missing.getResultCode());
            assertEquals("dc=example,dc=com", missing.getMatchedDN());
            assertEquals("no such entry", missing.getDiagnosticMessage());
        }
    }

    @Test
    void extensibleMatchesReachTheCoreAsRfc4515Text() throws Exception {
        try (LDAPConnection ldap = connect()) {
            ldap.bind("name=jsmith,dc=example,dc=com", "right");
            for (String filter : List.of("(uid:caseExactMatch:=jsmith)", "(uid:=jsmith)", "(cn:dn:2.5.13.5:=a\\2ab\\28\\29)",
                    "(:caseIgnoreMatch:=x)", "(&(objectClass=person)(|(uid:caseIgnoreMatch:=JSmith)(!(uid:=ana))))")) {
                ldap.search("dc=example,dc=com", SearchScope.SUB, filter, "uid");
                String handed = SEARCHES.get(SEARCHES.size() - 1).filter().toString();
                assertEquals(Filter.create(filter), Filter.create(handed),
                        "the core reads the filter the client sent: " + handed);
            }
        }
    }

    @Test
    void plainLdapTellsTheCoreItIsInTheClearUntilStartTls() throws Exception {
        try (LDAPConnection ldap = new LDAPConnection("127.0.0.1", plain.port())) {
            ldap.bind("name=jsmith,dc=example,dc=com", "right");
            assertEquals("name=jsmith,dc=example,dc=com//false", BINDS.get(BINDS.size() - 1), "the core decides what a clear-text bind may do");

            ExtendedResult started = ldap.processExtendedOperation(new StartTLSExtendedRequest(
                    new SSLUtil(new TrustAllTrustManager()).createSSLContext("TLSv1.2")));
            assertEquals(ResultCode.SUCCESS, started.getResultCode());
            assertEquals(ResultCode.SUCCESS, ldap.bind("name=jsmith,dc=example,dc=com", "right").getResultCode());
            assertEquals("name=jsmith,dc=example,dc=com/spn=jsmith@example.com,dc=example,dc=com/true", BINDS.get(BINDS.size() - 1));
            assertEquals(2, ldap.search("dc=example,dc=com", SearchScope.SUB, "(uid=*)").getEntryCount(), "LDAP goes on over TLS");

            ExtendedResult again = ldap.processExtendedOperation(new ExtendedRequest(StartTLSExtendedRequest.STARTTLS_REQUEST_OID));
            assertEquals(ResultCode.OPERATIONS_ERROR, again.getResultCode(), "TLS once per connection");
            assertEquals(ResultCode.PROTOCOL_ERROR, assertThrows(LDAPException.class,
                    () -> ldap.processExtendedOperation(new ExtendedRequest("1.2.3.4"))).getResultCode(), "an unknown extended operation");
        }
    }

    @Test
    void startTlsOnLdapsIsRefused() throws Exception {
        try (LDAPConnection ldap = connect()) {
            assertEquals(ResultCode.OPERATIONS_ERROR,
                    ldap.processExtendedOperation(new ExtendedRequest(StartTLSExtendedRequest.STARTTLS_REQUEST_OID)).getResultCode());
            assertEquals(ResultCode.SUCCESS, ldap.bind("name=jsmith,dc=example,dc=com", "right").getResultCode(), "and the connection goes on");
        }
    }

    @Test
    void threeHundredIdleConnectionsTakeNoThreadEach() throws Exception {
        int threadsBefore = Thread.activeCount();
        List<SSLSocket> idle = new ArrayList<>();
        SSLSocketFactory tls = new SSLUtil(new TrustAllTrustManager()).createSSLSocketFactory("TLSv1.2");
        try {
            for (int i = 0; i < 300; i++) {
                // from five loopback addresses: each may open 64 connections
                SSLSocket socket = (SSLSocket) tls.createSocket(InetAddress.getByName("127.0.0.1"), listener.port(),
                        InetAddress.getByName("127.0.0." + (2 + i % 5)), 0);
                socket.startHandshake(); // connected and under TLS, then silent; the client side needs no thread
                idle.add(socket);
            }
            int threadsWithIdle = Thread.activeCount();
            assertTrue(threadsWithIdle - threadsBefore < 40, "threads " + threadsBefore + " -> " + threadsWithIdle);
            try (LDAPConnection active = connect()) {
                assertEquals(ResultCode.SUCCESS, active.bind("name=jsmith,dc=example,dc=com", "right").getResultCode(), "and a new one is served");
            }
        } finally {
            for (SSLSocket socket : idle) {
                socket.close();
            }
        }
    }

    @Test
    void randomBytesCloseThatConnectionAndTheListenerGoesOn() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 100; i++) {
            try (SSLSocket socket = (SSLSocket) new SSLUtil(new TrustAllTrustManager()).createSSLSocketFactory("TLSv1.2")
                    .createSocket("127.0.0.1", listener.port())) {
                socket.setSoTimeout(200);
                byte[] junk = new byte[1 + random.nextInt(300)];
                random.nextBytes(junk);
                if (i % 2 == 0) {
                    junk[0] = 0x30; // an LDAPMessage SEQUENCE with a nonsense length and body
                }
                OutputStream out = socket.getOutputStream();
                out.write(junk);
                out.flush();
                // the server answers or hangs up; either way this connection only
                socket.getInputStream().read(new byte[64]);
            } catch (IOException expected) {
                // closed by the server
            }
        }
        try (LDAPConnection ldap = connect()) {
            assertEquals(ResultCode.SUCCESS, ldap.bind("name=jsmith,dc=example,dc=com", "right").getResultCode());
        }
    }
}
