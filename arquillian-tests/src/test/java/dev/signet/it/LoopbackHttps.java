package dev.signet.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLSocket;

/**
 * HTTPS from a chosen loopback address (127.0.0.2 and up), so a test can be a source of its own
 * for the per-address limits; java.net.http on JDK 17 cannot choose its local address. A
 * {@link Connection} speaks just enough HTTP/1.1 over one keep-alive connection.
 */
final class LoopbackHttps {
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private LoopbackHttps() {
    }

    /** One GET on a connection of its own. */
    static Answer get(String localAddress, String path) throws IOException {
        try (Connection connection = new Connection(localAddress)) {
            return connection.send("GET", path, null, Map.of());
        }
    }

    /** One keep-alive connection from {@code localAddress} to the test server's HTTPS port. */
    static final class Connection implements AutoCloseable {
        private final SSLSocket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection(String localAddress) throws IOException {
            URI base = SignetApi.base();
            socket = (SSLSocket) SignetApi.trustingTls().getSocketFactory()
                    .createSocket(base.getHost(), base.getPort(), InetAddress.getByName(localAddress), 0);
            socket.setSoTimeout(120_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream());
        }

        /** POSTs a JSON body, with these extra headers. */
        Answer post(String path, String json, Map<String, String> headers) throws IOException {
            return send("POST", path, json, headers);
        }

        Answer send(String method, String path, String json, Map<String, String> headers) throws IOException {
            byte[] content = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: localhost\r\n");
            if (json != null) {
                request.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
            }
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            int status = Integer.parseInt(line().split(" ")[1]);
            Map<String, String> answered = new LinkedHashMap<>();
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                answered.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
            return new Answer(status, answered, body(answered));
        }

        private String body(Map<String, String> headers) throws IOException {
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                line();
                return body.toString(StandardCharsets.UTF_8);
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            return new String(in.readNBytes(length), StandardCharsets.UTF_8);
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
}
