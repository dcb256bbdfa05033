package dev.signet.ldap.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.asn1.ASN1Enumerated;
import com.unboundid.asn1.ASN1Integer;
import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.asn1.ASN1Sequence;
import com.unboundid.asn1.ASN1StreamReader;
import com.unboundid.ldap.protocol.LDAPMessage;
import com.unboundid.ldap.protocol.LDAPResponse;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.AsyncRequestID;
import com.unboundid.ldap.sdk.AsyncSearchResultListener;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import dev.signet.adapter.ldap.LdapBindResult;
import dev.signet.adapter.ldap.LdapBoundIdentity;
import dev.signet.adapter.ldap.LdapCompare;
import dev.signet.adapter.ldap.LdapConnection;
import dev.signet.adapter.ldap.LdapRequestListener;
import dev.signet.adapter.ldap.LdapResult;
import dev.signet.adapter.ldap.LdapSearch;
import dev.signet.adapter.ldap.LdapSearchResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import com.unboundid.asn1.ASN1Boolean;
import java.util.Map;

/**
 * What a client may hold of the listener: connections per address and in all, PDU sizes before
 * and after a bind, the heap of unfinished PDUs, time limits on silence and on a PDU, and
 * operations per connection and per account. Each test starts its own listener with the limits it
 * needs, in front of a core that binds one name and holds searches of {@code dc=slow} until let go.
 */
class ListenerLimitsTest {
    private static final String NAME = "name=jsmith,dc=example,dc=com";
    private static final String BOUND_DN = "spn=jsmith@example.com,dc=example,dc=com";
    private static final UUID JSMITH = UUID.randomUUID();
    private static ServerKeyMaterial keys;
    private static final Semaphore SLOW = new Semaphore(0);
    private static final AtomicInteger SLOW_STARTED = new AtomicInteger();
    private LdapListener listener;
    private final List<AutoCloseable> opened = new ArrayList<>();

    private static final LdapRequestListener CORE = new LdapRequestListener() {
        @Override
        public LdapBindResult bind(LdapConnection connection, String name, char[] password) {
            return name.equals(NAME) && new String(password).equals("right")
                    ? new LdapBindResult(LdapResult.success(), new LdapBoundIdentity(JSMITH, UUID.randomUUID(), BOUND_DN))
                    : LdapBindResult.refused(new LdapResult(LdapResult.INVALID_CREDENTIALS, "", "invalid credentials"));
        }

        @Override
        public LdapResult compare(LdapConnection connection, LdapCompare compare) {
            return new LdapResult(LdapResult.COMPARE_TRUE, "", "");
        }

        @Override
        public LdapSearchResult search(LdapConnection connection, LdapSearch search) {
            if (search.baseDn().equals("dc=slow")) {
                SLOW_STARTED.incrementAndGet();
                SLOW.acquireUninterruptibly();
            }
            return new LdapSearchResult(List.of(new LdapSearchResult.Entry(BOUND_DN, Map.of("uid", List.of("jsmith")))),
                    LdapResult.success(), null);
        }
    };

    @BeforeAll
    static void keyPair() throws Exception {
        keys = TestKeyPair.make("ldaps-limits");
    }

    @AfterEach
    void stop() throws Exception {
        SLOW.release(1000);
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closed by the server already
            }
        }
        if (listener != null) {
            listener.close();
        }
        SLOW.drainPermits();
        SLOW_STARTED.set(0);
    }

    private LdapListener start(ListenerLimits limits) throws Exception {
        listener = LdapListener.ldaps(keys.context(), new CoreEndpoint() {
            @Override
            public <T> T call(Function<LdapRequestListener, T> operation) {
                return operation.apply(CORE);
            }
        }, limits);
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        return listener;
    }

    private static ListenerLimits limits(int perAddress, int total, Duration idle, Duration pdu, long unfinished, int perAccount) {
        return new ListenerLimits(perAddress, total, idle, pdu, unfinished, perAccount);
    }

    private static SSLSocketFactory tls() throws Exception {
        return new SSLUtil(new TrustAllTrustManager()).createSSLSocketFactory("TLSv1.2");
    }

    /** A TLS connection from a chosen loopback address, handshake done. */
    private SSLSocket socketFrom(String localAddress) throws Exception {
        SSLSocket socket = (SSLSocket) tls().createSocket(InetAddress.getByName("127.0.0.1"), listener.port(),
                InetAddress.getByName(localAddress), 0);
        opened.add(socket);
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        return socket;
    }

    private LDAPConnection ldap() throws Exception {
        LDAPConnection ldap = new LDAPConnection(tls(), "127.0.0.1", listener.port());
        opened.add(ldap);
        return ldap;
    }

    /** Whether the server has closed {@code socket} (read sees the end, or the handshake/read fails). */
    private static boolean closedByServer(SSLSocket socket) {
        try {
            socket.setSoTimeout(10_000);
            if (!socket.getSession().isValid()) {
                return true;
            }
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static void poll(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "timed out waiting: " + what);
            Thread.sleep(20);
        }
    }

    /** The head of an LDAPMessage SEQUENCE declaring {@code length} bytes of content (four length octets). */
    private static byte[] head(int length) {
        return new byte[] {0x30, (byte) 0x84, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    private static byte[] bindPdu(int id) {
        return new ASN1Sequence(new ASN1Integer(id), new ASN1Sequence((byte) 0x60, new ASN1Integer(3), new ASN1OctetString(NAME),
                new ASN1OctetString((byte) 0x80, "right"))).encode();
    }

    private static byte[] searchPdu(int id, String base) {
        // SearchRequest { base, scope sub, derefAliases never, size 0, time 0, typesOnly false, (objectClass=*), no attributes }
        return new ASN1Sequence(new ASN1Integer(id), new ASN1Sequence((byte) 0x63, new ASN1OctetString(base), new ASN1Enumerated(2),
                new ASN1Enumerated(0), new ASN1Integer(0), new ASN1Integer(0), new ASN1Boolean(false),
                new ASN1OctetString((byte) 0x87, "objectClass"), new ASN1Sequence())).encode();
    }

    private static void send(SSLSocket socket, byte[]... parts) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        OutputStream out = socket.getOutputStream();
        out.write(all.toByteArray()); // one write: the server reads it as one piece
        out.flush();
    }

    /** Binds a raw connection as jsmith and reads the bind response. */
    private static void bindRaw(SSLSocket socket) throws Exception {
        send(socket, bindPdu(1));
        LDAPResponse response = LDAPMessage.readLDAPResponseFrom(new ASN1StreamReader(socket.getInputStream()), true);
        assertEquals(ResultCode.SUCCESS, ((LDAPResult) response).getResultCode());
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void fiveHundredHostileConnectionsLeaveTheHeapBoundedAndTheListenerAnswering() throws Exception {
        start(ListenerLimits.defaults());
        long before = heapAfterGc();
        int refused = 0;
        for (int i = 0; i < 500; i++) {
            // eight loopback addresses, 63 connections from each: below the 64 an address may have
            SSLSocket socket = socketFrom("127.0.0." + (2 + i % 8));
            try {
                if (i % 2 == 0) {
                    // claims nearly 2 MiB and sends 1 MiB of it, never the rest
                    OutputStream out = socket.getOutputStream();
                    out.write(head(2 * 1024 * 1024 - 16));
                    byte[] chunk = new byte[16 * 1024];
                    for (int sent = 0; sent < 1024 * 1024; sent += chunk.length) {
                        out.write(chunk);
                    }
                    out.flush();
                } else {
                    // the most an unbound connection may hold: an 8 KiB PDU but for its last byte
                    byte[] almost = new byte[ListenerLimits.UNBOUND_PDU - 7];
                    send(socket, head(ListenerLimits.UNBOUND_PDU - 6), almost);
                }
            } catch (IOException closedByTheServer) {
                refused++;
            }
        }
        long grown = heapAfterGc() - before;
        assertTrue(grown < 96L * 1024 * 1024, "500 hostile connections grew the heap by " + grown / (1024 * 1024) + " MiB");
        assertTrue(listener.unfinishedBytes() <= 250L * ListenerLimits.UNBOUND_PDU + 250 * 256,
                "unfinished PDUs hold " + listener.unfinishedBytes() + " bytes");
        poll(() -> listener.openConnections() <= 250, "the 2 MiB claims before a bind end their connections: open "
                + listener.openConnections() + " (" + refused + " saw it while writing)");

        try (LDAPConnection ldap = ldap()) {
            assertEquals(ResultCode.SUCCESS, ldap.bind(NAME, "right").getResultCode());
            assertEquals(1, ldap.search("dc=example,dc=com", SearchScope.SUB, "(uid=jsmith)").getEntryCount(), "and a real search is answered");
        }
    }

    @Test
    void aBoundConnectionMaySendLargePdusWithinTheSharedBudget() throws Exception {
        start(limits(64, 4096, Duration.ofMinutes(5), Duration.ofSeconds(30), 4L * 1024 * 1024, 16));
        try (LDAPConnection ldap = ldap()) {
            assertEquals(ResultCode.SUCCESS, ldap.bind(NAME, "right").getResultCode());
            StringBuilder wide = new StringBuilder("(|");
            while (wide.length() < 100_000) {
                wide.append("(uid=u").append(wide.length()).append(')');
            }
            assertEquals(1, ldap.search("dc=example,dc=com", SearchScope.SUB, wide.append(')').toString()).getEntryCount(),
                    "a 100 KB search after a bind");
        }
        List<SSLSocket> holders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SSLSocket socket = socketFrom("127.0.0.2");
            bindRaw(socket);
            holders.add(socket);
        }
        int closed = 0;
        for (SSLSocket socket : holders) {
            try {
                // 1.5 MiB of a 2 MiB PDU each: the 4 MiB budget holds two of them, not four
                OutputStream out = socket.getOutputStream();
                out.write(head(2 * 1024 * 1024 - 16));
                byte[] chunk = new byte[16 * 1024];
                for (int sent = 0; sent < 1536 * 1024; sent += chunk.length) {
                    out.write(chunk);
                }
                out.flush();
            } catch (IOException closedByTheServer) {
                closed++;
            }
        }
        poll(() -> listener.openConnections() <= 3, "connections over the budget closed: open " + listener.openConnections());
        assertTrue(listener.unfinishedBytes() <= 4L * 1024 * 1024, "held " + listener.unfinishedBytes());
        assertTrue(closed >= 1 || listener.openConnections() <= 3);
        try (LDAPConnection ldap = ldap()) {
            assertEquals(ResultCode.SUCCESS, ldap.bind(NAME, "right").getResultCode(), "others are still served");
        }
    }

    @Test
    void connectionsAreCappedPerAddressAndInAll() throws Exception {
        start(limits(3, 5, Duration.ofMinutes(5), Duration.ofSeconds(30), 64L * 1024 * 1024, 16));
        for (int i = 0; i < 3; i++) {
            socketFrom("127.0.0.2");
        }
        poll(() -> listener.openConnections() == 3, "three open");
        assertThrows(IOException.class, () -> socketFrom("127.0.0.2"), "a fourth from the same address is closed before TLS");
        socketFrom("127.0.0.3");
        SSLSocket fifth = socketFrom("127.0.0.3");
        assertThrows(IOException.class, () -> socketFrom("127.0.0.4"), "a sixth in all is closed too");
        fifth.close();
        poll(() -> listener.openConnections() == 4, "a closed connection frees its place");
        socketFrom("127.0.0.4");
    }

    @Test
    void silentConnectionsAndPdusThatNeverFinishAreClosed() throws Exception {
        start(limits(64, 4096, Duration.ofMillis(600), Duration.ofMillis(600), 64L * 1024 * 1024, 16));
        SSLSocket silent = socketFrom("127.0.0.2");
        assertTrue(closedByServer(silent), "idle past the timeout");

        SSLSocket slow = socketFrom("127.0.0.2");
        OutputStream out = slow.getOutputStream();
        out.write(head(1000));
        out.flush();
        // a byte every 100 ms: never idle, but the PDU is not finished in time
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean closed = false;
        while (!closed && System.nanoTime() < until) {
            try {
                out.write(0);
                out.flush();
                Thread.sleep(100);
            } catch (IOException e) {
                closed = true;
            }
        }
        assertTrue(closed || closedByServer(slow), "a PDU unfinished past its deadline ends the connection");

        LDAPConnection ldap = ldap();
        assertEquals(ResultCode.SUCCESS, ldap.bind(NAME, "right").getResultCode(), "a connection that speaks is served");
    }

    @Test
    void aConnectionHasAtMostEightOperationsInFlightAndTheRestAreAnsweredBusy() throws Exception {
        start(ListenerLimits.defaults());
        SSLSocket socket = socketFrom("127.0.0.2");
        bindRaw(socket);
        byte[][] searches = new byte[20][];
        for (int i = 0; i < searches.length; i++) {
            searches[i] = searchPdu(10 + i, "dc=slow");
        }
        send(socket, searches); // twenty pipelined searches in one piece, while the core holds the first
        poll(() -> SLOW_STARTED.get() == 1, "the first search reached the core");
        SLOW.release(1000);
        ASN1StreamReader in = new ASN1StreamReader(socket.getInputStream());
        int done = 0;
        int busy = 0;
        while (done + busy < searches.length) {
            LDAPResponse message = LDAPMessage.readLDAPResponseFrom(in, true);
            if (message instanceof LDAPResult result) {
                ResultCode code = result.getResultCode();
                if (code == ResultCode.BUSY) {
                    busy++;
                } else {
                    assertEquals(ResultCode.SUCCESS, code);
                    done++;
                }
            }
        }
        assertEquals(ListenerLimits.OPERATIONS_PER_CONNECTION, done, "eight queued and answered");
        assertEquals(12, busy, "the rest answered busy at once");
    }

    @Test
    void anAccountRunsAtMostItsShareOfOperationsOverAllItsConnections() throws Exception {
        start(limits(64, 4096, Duration.ofMinutes(5), Duration.ofSeconds(30), 64L * 1024 * 1024, 1));
        LDAPConnection first = ldap();
        LDAPConnection second = ldap();
        first.bind(NAME, "right");
        second.bind(NAME, "right");
        CompletableFuture<SearchResult> held = new CompletableFuture<>();
        AsyncRequestID id = first.asyncSearch(new SearchRequest(new AsyncSearchResultListener() {
            @Override
            public void searchEntryReturned(SearchResultEntry entry) {
            }

            @Override
            public void searchReferenceReturned(SearchResultReference reference) {
            }

            @Override
            public void searchResultReceived(AsyncRequestID requestID, SearchResult result) {
                held.complete(result);
            }
        }, "dc=slow", SearchScope.SUB, "(objectClass=*)"));
        poll(() -> SLOW_STARTED.get() == 1, "the first connection's search is running");
        assertEquals(ResultCode.BUSY, assertThrows(LDAPException.class,
                () -> second.search("dc=example,dc=com", SearchScope.SUB, "(uid=jsmith)")).getResultCode(),
                "the same account on another connection waits for its share");
        SLOW.release();
        assertEquals(ResultCode.SUCCESS, held.get(20, TimeUnit.SECONDS).getResultCode());
        // the SDK marks the request done just after it hands the result to the listener
        poll(id::isDone, "the held search is done");
        assertEquals(1, second.search("dc=example,dc=com", SearchScope.SUB, "(uid=jsmith)").getEntryCount(), "and then runs");
    }
}
