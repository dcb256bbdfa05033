package dev.signet.it;

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
 * One HTTPS GET from a chosen loopback address (127.0.0.2 and up), so a test can be a source of its
 * own for the per-address limits; java.net.http on JDK 17 cannot choose its local address.
 */
final class LoopbackHttps {
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private LoopbackHttps() {
    }

    static Answer get(String localAddress, String path) throws IOException {
        URI base = SignetApi.base();
        try (SSLSocket socket = (SSLSocket) SignetApi.trustingTls().getSocketFactory()
                .createSocket(base.getHost(), base.getPort(), InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String[] lines = answer.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            // the body as sent (possibly chunked): the tests only look for text in it
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, answer.substring(end + 4));
        }
    }
}
