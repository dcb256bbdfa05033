package dev.signet.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The server under test as a client sees it: HTTPS on 8443, HTTP on 8080, and its base dir on
 * disk. The client accepts the self-signed certificate (tests that care compare it with the key
 * store file) and records the certificate it was shown.
 */
final class SignetServer {
    static final URI HTTPS = URI.create("https://localhost:8443");
    static final URI HTTP = URI.create("http://localhost:8080");

    private final RecordingTrustManager trust = new RecordingTrustManager();
    private final HttpClient client;

    SignetServer() {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trust}, new SecureRandom());
            client = HttpClient.newBuilder()
                    .sslContext(tls)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(HTTPS, path);
    }

    /** The certificate chain the server presented on the last TLS handshake. */
    X509Certificate[] presentedChain() {
        return trust.lastChain;
    }

    /** The server base dir (configuration, data, log) of the container this run started. */
    static Path baseDir() {
        return Path.of(System.getProperty("signet.server.base"));
    }

    static Path installation() {
        return Path.of(System.getProperty("jboss.home"));
    }

    private static final class RecordingTrustManager implements X509TrustManager {
        private volatile X509Certificate[] lastChain;

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            lastChain = chain.clone();
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
