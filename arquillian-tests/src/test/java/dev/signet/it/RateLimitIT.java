package dev.signet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.SocketFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Per-source rate limiting of /v1/auth and of LDAP binds, which draw on the same allowance. The flood comes from 127.0.0.2 (the rest of the suite
 * talks from 127.0.0.1), so it is limited while the other source is not.
 */
@ExtendWith(ArquillianExtension.class)
class RateLimitIT {
    /** The server's default per-minute allowance. */
    private static final int ALLOWANCE = 1200;

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    /** An init step on the connection: the status, the headers and the body. */
    private static LoopbackHttps.Answer init(LoopbackHttps.Connection connection, String name) throws IOException {
        return connection.post("/v1/auth", "{\"step\":{\"init\":\"" + name + "\"}}", Map.of());
    }

    @Test
    void aFloodingSourceGets429WithRetryAfterWhileOthersGoOn() throws Exception {
        // several connections, so the flood outpaces the bucket's refill (20 a second)
        int connections = 8;
        AtomicInteger accepted = new AtomicInteger();
        AtomicReference<LoopbackHttps.Answer> refusal = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> floods = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int id = c;
            floods.add(pool.submit(() -> {
                try (LoopbackHttps.Connection flood = new LoopbackHttps.Connection("127.0.0.2")) {
                    for (int i = 0; refusal.get() == null && accepted.get() < 20 * ALLOWANCE; i++) {
                        LoopbackHttps.Answer response = init(flood, "spray" + id + "x" + i);
                        if (response.status() == 200) {
                            accepted.incrementAndGet();
                        } else {
                            refusal.compareAndSet(null, response);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> flood : floods) {
            flood.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        LoopbackHttps.Answer last = refusal.get();
        assertTrue(last != null, "never limited after " + accepted.get() + " requests");
        assertEquals(429, last.status());
        assertTrue(accepted.get() >= ALLOWANCE, "the burst allowance is honoured: " + accepted.get());
        assertTrue(last.header("Retry-After") != null, last.headers().toString());
        assertTrue(String.valueOf(last.header("Content-Type")).contains("application/problem+json"), last.headers().toString());
        assertTrue(last.body().contains("\"status\":429"), last.body());
        // another address is not affected
        SignetApi.idmAdmin().get("/v1/self").expect(200);
    }

    @Test
    void ldapBindsDrawOnTheSameAllowanceAsAuthentications() throws Exception {
        // binds from 127.0.0.3 on the plain port: refused for want of TLS, so no hash is spent, but counted first
        InetAddress local = InetAddress.getByName("127.0.0.3");
        SocketFactory fromLocal = new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                Socket socket = new Socket();
                socket.bind(new InetSocketAddress(local, 0));
                return socket;
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return new Socket(host, port, local, 0);
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
                return new Socket(host, port, localHost, localPort);
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return new Socket(host, port, local, 0);
            }

            @Override
            public Socket createSocket(InetAddress host, int port, InetAddress localHost, int localPort) throws IOException {
                return new Socket(host, port, localHost, localPort);
            }
        };
        int counted = 0;
        ResultCode last = null;
        try (LDAPConnection ldap = new LDAPConnection(fromLocal, "127.0.0.1", 3389)) {
            while (counted < 2 * ALLOWANCE) {
                LDAPException refused = assertThrows(
                        LDAPException.class, () -> ldap.bind("spray", "guess"));
                last = refused.getResultCode();
                if (last != ResultCode.CONFIDENTIALITY_REQUIRED) {
                    break;
                }
                counted++;
            }
        }
        assertEquals(ResultCode.BUSY, last, "beyond the allowance after " + counted + " binds");
        assertTrue(counted >= ALLOWANCE && counted < ALLOWANCE + 100, "the allowance, not more: " + counted);
        try (LoopbackHttps.Connection rest = new LoopbackHttps.Connection("127.0.0.3")) {
            // the bucket refills at 20 a second: a fresh one would take 1200 inits, the one the binds emptied takes a few
            int status = 200;
            for (int i = 0; i < 50 && status == 200; i++) {
                status = init(rest, "after-ldap" + i).status();
            }
            assertEquals(429, status, "the same bucket as /v1/auth");
        }
        SignetApi.idmAdmin().get("/v1/self").expect(200);
    }
}
