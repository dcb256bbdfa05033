package dev.signet.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user agent without JavaScript: keeps cookies, does not follow redirects, reads the hidden
 * fields of Signet's sign-in forms and submits them as a person would.
 */
final class Browser {
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([a-z_]+)\" value=\"([^\"]*)\"\\s*/?>");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder().sslContext(SignetApi.trustingTls()).cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(SignetServer.HTTPS.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A POST exactly as given: the fuzzers' way in. */
    HttpResponse<String> postRaw(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(SignetServer.HTTPS.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** Opens the authorization URI and signs in with a password; answers the page or redirect after login. */
    HttpResponse<String> signIn(URI authorize, String username, String password) {
        HttpResponse<String> login = get(authorize);
        expect(200, login);
        return submitPassword(login, username, password);
    }

    HttpResponse<String> submitPassword(HttpResponse<String> loginPage, String username, String password) {
        Map<String, String> form = hidden(loginPage.body());
        form.put("username", username);
        HttpResponse<String> credentials = post("/oauth2/authorize/login", form);
        expect(200, credentials);
        Map<String, String> next = hidden(credentials.body());
        next.put("password", password);
        return post("/oauth2/authorize/credential", next);
    }

    /** Answers the consent page. */
    HttpResponse<String> consent(HttpResponse<String> consentPage, boolean allow) {
        expect(200, consentPage);
        Map<String, String> form = hidden(consentPage.body());
        form.put("decision", allow ? "allow" : "deny");
        return post("/oauth2/authorize/consent", form);
    }

    static URI location(HttpResponse<String> response) {
        expect(303, response);
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    static Map<String, String> hidden(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&#39;", "'").replace("&amp;", "&"));
        }
        return fields;
    }

    static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + " from " + response.request().method() + " " + response.request().uri()
                    + " but got " + response.statusCode() + " " + response.headers().map() + ": " + response.body());
        }
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
