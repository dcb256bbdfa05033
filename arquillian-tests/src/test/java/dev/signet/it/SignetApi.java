package dev.signet.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import jakarta.json.JsonString;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

/** A REST client of Signet's /v1 API as an outside program would write it: HTTPS, JSON, bearer tokens. */
final class SignetApi {
    static final String SESSION_HEADER = "X-Signet-Auth-Session-Id";
    private static final HttpClient CLIENT = client();

    private final String token;

    private SignetApi(String token) {
        this.token = token;
    }

    /** A client presenting {@code token}, whatever it is. */
    static SignetApi withToken(String token) {
        return new SignetApi(token);
    }

    static SignetApi anonymous() {
        return new SignetApi(null);
    }

    /** Logs in with the password mechanism; fails the test if denied. */
    static SignetApi login(String name, String password) {
        JsonObject state = authenticate(name, password);
        if (!state.containsKey("success")) {
            throw new AssertionError("login of " + name + " denied: " + state);
        }
        return new SignetApi(state.getString("success"));
    }

    /** The final {@code state} object of a password authentication. */
    static JsonObject authenticate(String name, String password) {
        // asks for a privileged session (read-write for its first minutes), as an admin tool does
        Response init = anonymous().send("POST", "/v1/auth",
                json("{\"step\":{\"init2\":{\"username\":" + quote(name) + ",\"privileged\":true}}}"), null);
        String session = init.header(SESSION_HEADER);
        anonymous().send("POST", "/v1/auth", json("{\"step\":{\"begin\":\"password\"}}"), session);
        Response cred = anonymous().send("POST", "/v1/auth",
                json("{\"step\":{\"cred\":{\"password\":" + quote(password) + "}}}"), session);
        return cred.object().getJsonObject("state");
    }

    static SignetApi admin() {
        return login("admin", firstBootPassword("admin"));
    }

    static SignetApi idmAdmin() {
        return login("idm_admin", firstBootPassword("idm_admin"));
    }

    static String firstBootPassword(String account) {
        try {
            return Files.readAllLines(recoveryFile()).stream()
                    .filter(line -> line.startsWith(account + ": "))
                    .map(line -> line.substring(account.length() + 2))
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path recoveryFile() {
        return SignetServer.baseDir().resolve("data/signet/recovery.txt");
    }

    String token() {
        return token;
    }

    /** A name no other test run has used. */
    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A name no account has, among those Signet answers like a password-only account (it answers
     * some unknown names like accounts with an authenticator or a passkey, so names do not tell).
     */
    static String unknownOfferedPassword(String prefix) {
        for (int tries = 0; tries < 64; tries++) {
            String name = unique(prefix);
            JsonObject init = anonymous().send("POST", "/v1/auth", json("{\"step\":{\"init\":" + quote(name) + "}}"), null)
                    .expect(200).object();
            if (init.getJsonObject("state").getJsonArray("choose").equals(Json.createArrayBuilder().add("password").build())) {
                return name;
            }
        }
        throw new AssertionError("no unknown name is answered like a password-only account");
    }

    Response get(String path) {
        return send("GET", path, null, null);
    }

    Response post(String path, String body) {
        return send("POST", path, body, null);
    }

    Response put(String path, String body) {
        return send("PUT", path, body, null);
    }

    Response patch(String path, String body) {
        return send("PATCH", path, body, null);
    }

    Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    Response delete(String path, String body) {
        return send("DELETE", path, body, null);
    }

    /** Creates a person with a display name and returns its path. */
    String createPerson(String name) {
        post("/v1/person", attrs("name", name, "displayname", "Test " + name)).expect(201);
        return "/v1/person/" + name;
    }

    String createGroup(String name) {
        post("/v1/group", attrs("name", name)).expect(201);
        return "/v1/group/" + name;
    }

    /** A person who can log in, with this password. */
    String createPersonWithPassword(String name, String password) {
        String path = createPerson(name);
        post(path + "/_credential/_set_password", "{\"password\":" + quote(password) + "}").expect(204);
        return path;
    }

    /** GET with an Accept header (e.g. NDJSON). */
    Response get(String path, String accept) {
        return send("GET", path, null, null, accept);
    }

    Response send(String method, String path, String body, String session) {
        return send(method, path, body, session, null);
    }

    Response send(String method, String path, String body, String session, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(SignetServer.HTTPS.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (session != null) {
            request.header(SESSION_HEADER, session);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            return new Response(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    static String json(String text) {
        return text;
    }

    static String quote(String s) {
        return Json.createValue(s).toString();
    }

    /** {@code {"attrs": {k1: [v1], k2: [v2], ...}}} from alternating names and values. */
    static String attrs(String... pairs) {
        var attrs = Json.createObjectBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            attrs.add(pairs[i], Json.createArrayBuilder().add(pairs[i + 1]));
        }
        return Json.createObjectBuilder().add("attrs", attrs).build().toString();
    }

    static String list(String... values) {
        return Json.createArrayBuilder(List.of(values)).build().toString();
    }

    record Response(HttpResponse<String> raw) {
        int status() {
            return raw.statusCode();
        }

        String body() {
            return raw.body();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        Response expect(int status) {
            if (raw.statusCode() != status) {
                throw new AssertionError("expected " + status + " from " + raw.request().method() + " " + raw.request().uri()
                        + " but got " + raw.statusCode() + ": " + raw.body());
            }
            return this;
        }

        JsonStructure structure() {
            try (var reader = Json.createReader(new StringReader(raw.body()))) {
                return reader.read();
            }
        }

        JsonObject object() {
            return (JsonObject) structure();
        }

        JsonArray array() {
            return (JsonArray) structure();
        }

        /** The values of one attribute of an entry body (empty if absent). */
        List<String> attr(String name) {
            JsonObject attrs = object().getJsonObject("attrs");
            return attrs.containsKey(name)
                    ? attrs.getJsonArray(name).getValuesAs(JsonValue.class).stream().map(v -> ((JsonString) v).getString()).toList()
                    : List.of();
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().sslContext(trustingTls()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** TLS that accepts the test server's self-signed certificate (EmbeddedServerIT checks what it is). */
    static SSLContext trustingTls() {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    // the test server's self-signed certificate; EmbeddedServerIT checks what it is
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static URI base() {
        return SignetServer.HTTPS;
    }
}
