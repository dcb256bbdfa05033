import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The console's people list at scale, against a running Signet:
 *
 *   java benchmarks/ConsoleBenchmark.java [--url https://localhost:8443] [--recovery PATH]
 *        [--people 100000] [--samples 50]
 *
 * Tops the server up to --people people (names bench000001..., display names "Bench Person n"),
 * pushed by a sync account through SCIM in change sets of 10,000 (the bulk path), then signs in to the console as admin
 * with a browser's form posts and times GET /ui/admin/people: the first page, the first page by
 * display name, page 100, a search by name prefix that matches one person, one that matches
 * 1,111, and one by display name. Each is asked --samples times after 5 warm-ups on one
 * keep-alive connection over loopback, so the time is the server's (TLS on an open connection
 * and loopback add well under a millisecond). Prints the minimum, the median and the 95th
 * percentile: on a shared machine the minimum is the page's own cost.
 */
public class ConsoleBenchmark {
    private static final Pattern TOKEN = Pattern.compile("\"success\":\"([^\"]+)\"");
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"signet_csrf\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String url = option(args, "--url", "https://localhost:8443");
        Path recovery = Path.of(option(args, "--recovery", "wildfly-config/target/wildfly/standalone/data/signet/recovery.txt"));
        int people = Integer.parseInt(option(args, "--people", "100000"));
        int samples = Integer.parseInt(option(args, "--samples", "50"));
        HttpClient http = client(null);
        populate(http, url, password(recovery, "idm_admin"), people);

        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = client(cookies);
        signIn(browser, url, "admin", password(recovery, "admin"));
        System.out.printf("console people list, %d people, %d samples each (ms):%n", people, samples);
        time(browser, url, "first page (by name)", "/ui/admin/people", samples, "bench");
        time(browser, url, "first page by display name", "/ui/admin/people?sort=displayname&dir=asc", samples, "Bench Person");
        time(browser, url, "page 100 (offset 4,950)", "/ui/admin/people?page=100", samples, "bench");
        time(browser, url, "search: one name", "/ui/admin/people?q=bench054321", samples, "bench054321");
        time(browser, url, "search: 1,111 names begin bench0543", "/ui/admin/people?q=bench0543", samples, "bench0543");
        time(browser, url, "search: display name", "/ui/admin/people?q=Bench+Person+5432", samples, "Bench Person 5432");
    }

    static void time(HttpClient browser, String url, String what, String path, int samples, String expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).GET().build();
        for (int i = 0; i < 5; i++) {
            browser.send(request, HttpResponse.BodyHandlers.ofString());
        }
        long[] ms = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            HttpResponse<String> page = browser.send(request, HttpResponse.BodyHandlers.ofString());
            ms[i] = (System.nanoTime() - start) / 1_000;
            if (page.statusCode() != 200 || !page.body().contains(expected)) {
                throw new IllegalStateException(what + ": " + page.statusCode() + " without " + expected);
            }
        }
        Arrays.sort(ms);
        // the minimum is the page's cost with the machine to itself; median and p95 include whatever else runs
        System.out.printf("  %-40s min %6.1f  median %6.1f  p95 %6.1f%n", what, ms[0] / 1000.0, ms[samples / 2] / 1000.0,
                ms[(int) (samples * 0.95)] / 1000.0);
    }

    /** Creates bench people until there are {@code target} of them (numbered, so a rerun only adds what is missing). */
    static void populate(HttpClient http, String url, String password, int target) throws Exception {
        String[] token = {login(http, url, "idm_admin", password)};
        long started = System.currentTimeMillis();
        int have = 0;
        // the names are numbered: find the first missing one by binary search over GET /v1/person/{name}
        int low = 0;
        int high = target;
        while (low < high) {
            int mid = (low + high) / 2;
            if (exists(http, url, token[0], name(mid + 1))) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        have = low;
        System.out.printf("%d bench people present, importing %d through a SCIM sync push%n", have, target - have);
        if (have >= target) {
            return;
        }
        // one sync account pushes them in change sets of 10,000: the bulk path, not one REST call each
        String account = "benchsync" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        send(http, url, token[0], "POST", "/v1/sync_account", "{\"attrs\":{\"name\":[\"" + account + "\"]}}", 201);
        Matcher issued = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(send(http, url, token[0], "POST",
                "/v1/sync_account/" + account + "/_sync_token", "", 200));
        issued.find();
        String sync = issued.group(1);
        String from = "\"Refresh\"";
        int round = 0;
        for (int first = have + 1; first <= target; first += 10_000) {
            StringBuilder entries = new StringBuilder();
            for (int n = first; n < Math.min(target + 1, first + 10_000); n++) {
                entries.append(entries.length() == 0 ? "" : ",").append("{\"schemas\":[\"urn:ietf:params:scim:schemas:kanidm:sync:1:person\"],")
                        .append("\"id\":\"").append(java.util.UUID.randomUUID()).append("\",\"external_id\":\"uid=").append(name(n))
                        .append(",ou=people,dc=bench\",\"attrs\":{\"name\":[\"").append(name(n)).append("\"],\"displayname\":[\"Bench Person ")
                        .append(n).append("\"],\"mail\":[\"").append(name(n)).append("@example.com\"]}}");
            }
            String to = "{\"Active\":{\"cookie\":\"c" + (++round) + "\"}}";
            send(http, url, sync, "POST", "/scim/v1/Sync", "{\"from_state\":" + from + ",\"to_state\":" + to
                    + ",\"retain\":\"Ignore\",\"delete_uuids\":[],\"entries\":[" + entries + "]}", 200);
            from = to;
            System.out.printf("  %d people (%d s)%n", Math.min(target, first + 9_999), (System.currentTimeMillis() - started) / 1000);
        }
    }

    static String send(HttpClient http, String url, String bearer, String method, String path, String body, int expected) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + answer.statusCode() + " " + answer.body());
        }
        return answer.body();
    }

    static String name(int n) {
        return String.format("bench%06d", n);
    }

    static boolean exists(HttpClient http, String url, String token, String name) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + "/v1/person/" + name)).header("Authorization", "Bearer " + token).GET()
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    /** The console's sign-in as a browser without JavaScript does it: the name form, then the password form. */
    static void signIn(HttpClient browser, String url, String name, String password) throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(url + "/ui/signin")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        page = post(browser, url + "/ui/signin", page.body(), Map.of("signin", "signin", "username", name, "next", "Next"));
        page = post(browser, url + "/ui/signin", page.body(), Map.of("credentials", "credentials", "password", password, "sign-in", "Sign in"));
        if (page.statusCode() / 100 != 3) {
            throw new IllegalStateException("console sign-in failed: " + page.statusCode());
        }
    }

    static HttpResponse<String> post(HttpClient browser, String url, String page, Map<String, String> fields) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("jakarta.faces.ViewState", find(VIEW_STATE, page));
        form.put("signet_csrf", find(CSRF, page));
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String find(Pattern pattern, String page) {
        Matcher m = pattern.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " on the page");
        }
        return m.group(1).replace("&#58;", ":").replace("&amp;", "&");
    }

    static String login(HttpClient http, String url, String name, String password) throws Exception {
        HttpRequest init = HttpRequest.newBuilder(URI.create(url + "/v1/auth")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"step\":{\"init2\":{\"username\":\"" + name + "\",\"privileged\":true}}}")).build();
        String session = http.send(init, HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-Signet-Auth-Session-Id").orElseThrow();
        for (String step : List.of("{\"step\":{\"begin\":\"password\"}}", "{\"step\":{\"cred\":{\"password\":\"" + password + "\"}}}")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/auth")).header("Content-Type", "application/json")
                    .header("X-Signet-Auth-Session-Id", session).POST(HttpRequest.BodyPublishers.ofString(step)).build();
            Matcher m = TOKEN.matcher(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new IllegalStateException("login failed");
    }

    static String password(Path recovery, String account) throws Exception {
        return Files.readAllLines(recovery).stream().filter(l -> l.startsWith(account + ": ")).map(l -> l.substring(account.length() + 2))
                .findFirst().orElseThrow();
    }

    static HttpClient client(java.net.CookieHandler cookies) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String a) throws java.security.cert.CertificateException {
                throw new java.security.cert.CertificateException("a client trusts no client certificates");
            }

            public void checkServerTrusted(X509Certificate[] c, String a) {
                // the server's self-signed certificate on loopback
            }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        HttpClient.Builder builder = HttpClient.newBuilder().sslContext(tls).followRedirects(HttpClient.Redirect.NEVER);
        return (cookies == null ? builder : builder.cookieHandler(cookies)).build();
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
