package dev.signet.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * HTTPS to one Signet server with the JDK's client. TLS is always verified, host name included:
 * against the JDK's trust store, or only against the certificates of {@code --ca} (a PEM file,
 * e.g. the server's {@code /ca.pem}) when given. Failures to connect or to trust become one line
 * that says what to do.
 */
final class Server {
    static final String SESSION_HEADER = "X-Signet-Auth-Session-Id";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI url;
    private final Path ca;
    private final HttpClient client;

    Server(URI url, Path ca) {
        this.url = url;
        this.ca = ca;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (ca != null) {
            builder.sslContext(trusting(ca));
        }
        this.client = builder.build();
    }

    URI url() {
        return url;
    }

    /** The answer to one request, whatever its status. */
    record Answer(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body as JSON (null for an empty body). */
        JsonValue json() {
            if (body == null || body.isBlank()) {
                return null;
            }
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readValue();
            } catch (RuntimeException e) {
                throw CliFault.refused("the server answered " + status + " with a body that is not JSON");
            }
        }

        /** A refusal carrying the server's problem document, as one line. */
        Refusal refusal() {
            JsonObject problem = null;
            try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
                JsonValue value = reader.readValue();
                if (value instanceof JsonObject object) {
                    problem = object;
                }
            } catch (RuntimeException notJson) {
                // a proxy's error page: shown cut to one line
            }
            return new Refusal(status, problem, ProblemLine.of(status, problem, body));
        }
    }

    Answer send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFault.unreachable("interrupted while waiting for " + url);
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    private CliFault unreachable(IOException e) {
        String where = url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
        if (e instanceof HttpConnectTimeoutException) {
            return CliFault.unreachable("cannot reach " + url + ": no connection within 10 s");
        }
        if (e instanceof HttpTimeoutException) {
            return CliFault.unreachable("no answer from " + url + " within " + TIMEOUT.toSeconds() + " s");
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return CliFault.unreachable("cannot reach " + url + ": connection refused (is the server running on " + where + "? check -H)");
            }
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return CliFault.unreachable("cannot reach " + url + ": unknown host " + url.getHost());
            }
            if (cause instanceof SSLException ssl) {
                return CliFault.unreachable(tlsAdvice(ssl));
            }
        }
        return CliFault.unreachable("cannot talk to " + url + ": " + e);
    }

    private String tlsAdvice(SSLException e) {
        String why = String.valueOf(e.getMessage());
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                why = cause.getMessage();
            }
        }
        if (why.contains("subject alternative") || why.contains("No name matching")) {
            return "TLS: the certificate of " + url + " does not name " + url.getHost() + " (" + why + "); use the host name it was issued for";
        }
        if (ca != null) {
            return "TLS: the certificate of " + url + " does not chain to " + ca + " (" + why + ")";
        }
        return "TLS: the certificate of " + url + " is not trusted (" + why + "). For a self-signed server, fetch its CA once over a channel you trust "
                + "(on the server: curl -sk https://localhost:8443/ca.pem -o signet.pem) and pass --ca signet.pem, or put ca = ... in the config";
    }

    /** An SSL context that trusts exactly the certificates in a PEM file. */
    private static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw CliFault.usage("--ca " + pem + " holds no certificate (expected PEM, as /ca.pem serves)");
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                trust.setCertificateEntry("ca" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, factory.getTrustManagers(), null);
            return tls;
        } catch (IOException e) {
            throw CliFault.usage("cannot read --ca " + pem + ": " + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
        } catch (GeneralSecurityException e) {
            throw CliFault.usage("--ca " + pem + " is not a PEM certificate: " + e.getMessage());
        }
    }
}
