package dev.signet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocket;
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

    /** One keep-alive HTTPS connection from a chosen local address, speaking just enough HTTP/1.1. */
    private static final class Connection implements AutoCloseable {
        private final SSLSocket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection(String localAddress) throws IOException {
            URI base = SignetApi.base();
            socket = (SSLSocket) SignetApi.trustingTls().getSocketFactory()
                    .createSocket(base.getHost(), base.getPort(), InetAddress.getByName(localAddress), 0);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream());
        }

        /** POSTs an init step; returns the status line's code and the headers and body, as text. */
        String[] init(String name) throws IOException {
            byte[] body = ("{\"step\":{\"init\":\"" + name + "\"}}").getBytes(StandardCharsets.UTF_8);
            out.write(("POST /v1/auth HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String status = line();
            StringBuilder headers = new StringBuilder();
            int length = 0;
            for (String header = line(); !header.isEmpty(); header = line()) {
                headers.append(header).append('\n');
                if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(15).trim());
                }
            }
            byte[] content = in.readNBytes(length);
            return new String[] {status.split(" ")[1], headers.toString(), new String(content, StandardCharsets.UTF_8)};
        }

        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void aFloodingSourceGets429WithRetryAfterWhileOthersGoOn() throws Exception {
        // several connections, so the flood outpaces the bucket's refill (20 a second)
        int connections = 8;
        AtomicInteger accepted = new AtomicInteger();
        AtomicReference<String[]> refusal = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> floods = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int id = c;
            floods.add(pool.submit(() -> {
                try (Connection flood = new Connection("127.0.0.2")) {
                    for (int i = 0; refusal.get() == null && accepted.get() < 20 * ALLOWANCE; i++) {
                        String[] response = flood.init("spray" + id + "x" + i);
                        if (response[0].equals("200")) {
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
        String[] last = refusal.get();
        assertTrue(last != null, "never limited after " + accepted.get() + " requests");
        assertEquals("429", last[0]);
        assertTrue(accepted.get() >= ALLOWANCE, "the burst allowance is honoured: " + accepted.get());
        assertTrue(last[1].toLowerCase(Locale.ROOT).contains("retry-after:"), last[1]);
        assertTrue(last[1].toLowerCase(Locale.ROOT).contains("application/problem+json"), last[1]);
        assertTrue(last[2].contains("\"status\":429"), last[2]);
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
        try (Connection rest = new Connection("127.0.0.3")) {
            // the bucket refills at 20 a second: a fresh one would take 1200 inits, the one the binds emptied takes a few
            String status = "200";
            for (int i = 0; i < 50 && status.equals("200"); i++) {
                status = rest.init("after-ldap" + i)[0];
            }
            assertEquals("429", status, "the same bucket as /v1/auth");
        }
        SignetApi.idmAdmin().get("/v1/self").expect(200);
    }
}
