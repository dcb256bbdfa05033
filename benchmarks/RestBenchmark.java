import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * REST benchmark of the identity core, run against a running Signet:
 *
 *   java benchmarks/RestBenchmark.java [--url https://localhost:8443] [--recovery PATH]
 *        [--people 10000] [--groups 1000] [--clients 16] [--read-seconds 30]
 *        [--login-clients 8] [--login-seconds 20] [--auth-samples 40] [--oauth2-seconds 20]
 *
 * Logs in as idm_admin (password from the first-boot recovery file), creates the people and the
 * groups (each group with 10 people as members) with --clients concurrent clients, then reads
 * random people with GET /v1/person/{name} for --read-seconds. Prints rates and latencies; then
 * times the password step for a wrong password, an unknown name, a wrong password on an imported
 * {SSHA} hash, a soft-locked account and a right password (--auth-samples each), which must not
 * tell an attacker which is which. Last,
 * the OAuth2 provider with --clients concurrent clients for --oauth2-seconds each: client
 * credentials tokens, and full authorization code round trips (authorize with PKCE, code, token,
 * userinfo) for a signed-in browser and for one that signs in with a password first.
 * With --sync-people N [--sync-groups M] (off by default), the LDAP sync job: a generated fixture
 * loaded into a private slapd (Debian's package, syncprov), then a first full run and an
 * incremental run after 1% of the people and groups changed upstream (see SyncLoad).
 * Then, with --ldap-seconds S, the same people in slapd and in Signet (imported by that sync)
 * under UnboundID's searchrate and authrate, S seconds each after S seconds of warm-up, one after
 * the other (see LdapLoad).
 * Any phase is skipped with 0 (--people 0 --groups 0 --read-seconds 0 ...).
 * Loopback only: it talks to the server you point it at and stops by itself.
 */
public class RestBenchmark {
    private static final Pattern TOKEN = Pattern.compile("\"success\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String url = option(args, "--url", "https://localhost:8443");
        Path recovery = Path.of(option(args, "--recovery", "wildfly-config/target/wildfly/standalone/data/signet/recovery.txt"));
        int people = Integer.parseInt(option(args, "--people", "10000"));
        int groups = Integer.parseInt(option(args, "--groups", "1000"));
        int clients = Integer.parseInt(option(args, "--clients", "16"));
        int readSeconds = Integer.parseInt(option(args, "--read-seconds", "30"));
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

        HttpClient http = client(clients);
        String password = Files.readAllLines(recovery).stream().filter(l -> l.startsWith("idm_admin: "))
                .map(l -> l.substring("idm_admin: ".length())).findFirst().orElseThrow();
        String token = login(http, url, "idm_admin", password);
        ExecutorService pool = Executors.newFixedThreadPool(clients);

        System.out.printf("Signet REST benchmark: %s, %d clients, run %s%n", url, clients, run);
        if (people > 0) {
            core(http, url, token, run, pool, people, groups, clients, readSeconds);
        }
        pool.shutdownNow();
        int loginClients = Integer.parseInt(option(args, "--login-clients", "8"));
        int loginSeconds = Integer.parseInt(option(args, "--login-seconds", "20"));
        if (loginSeconds > 0) {
            logins(http, url, token, run, loginClients, loginSeconds);
        }
        int samples = Integer.parseInt(option(args, "--auth-samples", "40"));
        if (samples > 0) {
            authTiming(http, url, token, run, samples);
        }
        int oauth2Seconds = Integer.parseInt(option(args, "--oauth2-seconds", "20"));
        if (oauth2Seconds > 0) {
            OAuth2Load.run(http, url, token, run, clients, oauth2Seconds);
        }
        int syncPeople = Integer.parseInt(option(args, "--sync-people", "0"));
        if (syncPeople > 0) {
            SyncLoad.run(http, url, token, run, syncPeople, Integer.parseInt(option(args, "--sync-groups", String.valueOf(syncPeople / 10))),
                    new LdapLoad(Integer.parseInt(option(args, "--ldap-seconds", "0")), option(args, "--unboundid-jar",
                            System.getProperty("user.home") + "/.m2/repository/com/unboundid/unboundid-ldapsdk/7.0.5/unboundid-ldapsdk-7.0.5.jar"),
                            password));
        }
        // the HTTP client's selector thread is not a daemon; nothing else is left to wait for
        System.exit(0);
    }

    static void core(HttpClient http, String url, String token, String run, ExecutorService pool, int people, int groups,
                     int clients, int readSeconds) throws Exception {
        Phase createPeople = phase(pool, people, i -> send(http, post(url + "/v1/person", token,
                "{\"attrs\":{\"name\":[\"b" + run + "p" + i + "\"],\"displayname\":[\"Bench Person " + i + "\"]}}"), 201));
        createPeople.print("create person", people);
        Phase createGroups = phase(pool, groups, g -> {
            StringBuilder members = new StringBuilder();
            for (int m = 0; m < 10; m++) {
                members.append(m == 0 ? "" : ",").append("\"b").append(run).append("p").append((g * 10 + m) % people).append("\"");
            }
            return send(http, post(url + "/v1/group", token,
                    "{\"attrs\":{\"name\":[\"b" + run + "g" + g + "\"],\"member\":[" + members + "]}}"), 201);
        });
        createGroups.print("create group (10 members)", groups);
        Phase reads = timed(pool, clients, readSeconds, () -> send(http, HttpRequest.newBuilder(
                URI.create(url + "/v1/person/b" + run + "p" + ThreadLocalRandom.current().nextInt(people)))
                .header("Authorization", "Bearer " + token).GET().build(), 200));
        reads.print("GET /v1/person/{id}", reads.count());
        System.out.printf("ratio GET/create-person: %.1f%n", reads.rate() / createPeople.rate());
    }

    interface Call {
        long run() throws Exception;
    }

    interface Indexed {
        long run(int i) throws Exception;
    }

    record Phase(long[] latenciesNanos, long wallNanos) {
        int count() {
            return latenciesNanos.length;
        }

        double rate() {
            return count() / (wallNanos / 1e9);
        }

        void print(String what, int n) {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            System.out.printf("%-28s %7d in %6.1f s = %8.1f/s   p50 %6.1f ms  p99 %6.1f ms%n", what, n, wallNanos / 1e9, rate(),
                    sorted[sorted.length / 2] / 1e6, sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6);
        }
    }

    static Phase phase(ExecutorService pool, int n, Indexed call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[n];
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < ((java.util.concurrent.ThreadPoolExecutor) pool).getCorePoolSize(); w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    latencies[i] = call.run(i);
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        return new Phase(latencies, System.nanoTime() - start);
    }

    static Phase timed(ExecutorService pool, int clients, int seconds, Call call) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<List<Long>>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < clients; w++) {
            workers.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                while (System.nanoTime() < end) {
                    mine.add(call.run());
                }
                return mine;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : workers) {
            all.addAll(f.get());
        }
        return new Phase(all.stream().mapToLong(Long::longValue).toArray(), System.nanoTime() - start);
    }

    static HttpRequest post(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static long send(HttpClient http, HttpRequest request, int expected) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " -> " + response.statusCode() + " " + response.body());
        }
        return System.nanoTime() - t;
    }

    static String login(HttpClient http, String url, String name, String password) throws Exception {
        HttpRequest init = HttpRequest.newBuilder(URI.create(url + "/v1/auth")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"step\":{\"init2\":{\"username\":\"" + name + "\",\"privileged\":true}}}")).build();
        String session = http.send(init, HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-Signet-Auth-Session-Id").orElseThrow();
        for (String step : List.of("{\"step\":{\"begin\":\"password\"}}", "{\"step\":{\"cred\":{\"password\":\"" + password + "\"}}}")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/auth")).header("Content-Type", "application/json")
                    .header("X-Signet-Auth-Session-Id", session).POST(HttpRequest.BodyPublishers.ofString(step)).build();
            String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = TOKEN.matcher(body);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new IllegalStateException("login failed");
    }

    /**
     * How long the password step takes for a wrong password, an unknown name, a wrong password on
     * an account holding an imported {SSHA} hash (one SHA-1, so the server adds a dummy Argon2id),
     * a soft-locked account (right password) and a right password: the first three must look alike
     * to a client (a soft lock is told by its 429 anyway, the same for unknown names).
     */
    static void authTiming(HttpClient http, String url, String token, String run, int samples) throws Exception {
        String password = "timing passphrase for the benchmark";
        String locked = "b" + run + "locked";
        createWithPassword(http, url, token, locked, password);
        for (int i = 0; i < 5; i++) {
            passwordStep(http, url, locked, "wrong " + i);
        }
        String known = "b" + run + "known";
        createWithPassword(http, url, token, known, password);
        // {SSHA} of "imported passphrase 1" (salt "saltsalt"), kept until a right password replaces it
        String imported = "b" + run + "imported";
        send(http, post(url + "/v1/person", token, "{\"attrs\":{\"name\":[\"" + imported + "\"],\"displayname\":[\"Timing\"]}}"), 201);
        send(http, post(url + "/v1/person/" + imported + "/_credential/_import_password", token,
                "{\"hash\":\"{SSHA}FlT0F7ekmC5Wfdl41tCoYQlgphNzYWx0c2FsdA==\"}"), 204);
        long[][] nanos = new long[5][samples];
        for (int i = 0; i < samples; i++) {
            if (i % 4 == 3) {
                // keep the known and the imported accounts below the lockout threshold
                passwordStep(http, url, known, password);
                send(http, post(url + "/v1/person/" + imported + "/_reset_lockout", token, ""), 204);
            }
            nanos[0][i] = passwordStep(http, url, known, "not the password " + i);
            nanos[1][i] = passwordStep(http, url, unknownOfferedPassword(http, url, "b" + run + "ghost" + i), "not the password " + i);
            nanos[2][i] = passwordStep(http, url, imported, "not the password " + i);
            nanos[3][i] = passwordStep(http, url, locked, password);
            nanos[4][i] = passwordStep(http, url, known, password);
        }
        String[] names = {"wrong password", "unknown account", "wrong password, {SSHA} hash", "soft-locked, right password",
                "right password (success)"};
        for (int k = 0; k < names.length; k++) {
            long[] sorted = nanos[k].clone();
            Arrays.sort(sorted);
            System.out.printf("auth step: %-28s p50 %6.1f ms  p90 %6.1f ms%n", names[k], sorted[samples / 2] / 1e6, sorted[samples * 9 / 10] / 1e6);
        }
    }

    /**
     * An unknown name beginning with {@code prefix} that init answers with the password mechanism
     * (Signet answers some unknown names like accounts with an authenticator, so names do not tell).
     */
    static String unknownOfferedPassword(HttpClient http, String url, String prefix) throws Exception {
        for (int i = 0; ; i++) {
            String name = prefix + "x" + i;
            HttpRequest init = HttpRequest.newBuilder(URI.create(url + "/v1/auth")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"step\":{\"init\":\"" + name + "\"}}")).build();
            if (http.send(init, HttpResponse.BodyHandlers.ofString()).body().contains("\"choose\":[\"password\"]")) {
                return name;
            }
        }
    }

    /**
     * Full password logins (init, begin, cred: one Argon2id verification each) by --login-clients
     * concurrent clients, each as its own account. The server's per-address rate limit
     * (signet.auth.rate.per.minute) must be above the rate measured, or this measures the limit.
     */
    static void logins(HttpClient http, String url, String token, String run, int clients, int seconds) throws Exception {
        String password = "login passphrase for the benchmark";
        for (int c = 0; c < clients; c++) {
            createWithPassword(http, url, token, "b" + run + "login" + c, password);
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        Phase phase = timed(pool, clients, seconds, () -> {
            String name = "b" + run + "login" + Math.floorMod(next.getAndIncrement(), clients);
            long t = System.nanoTime();
            login(http, url, name, password);
            return System.nanoTime() - t;
        });
        pool.shutdownNow();
        phase.print("password login (" + clients + " clients)", phase.count());
    }

    static void createWithPassword(HttpClient http, String url, String token, String name, String password) throws Exception {
        send(http, post(url + "/v1/person", token, "{\"attrs\":{\"name\":[\"" + name + "\"],\"displayname\":[\"Timing\"]}}"), 201);
        send(http, post(url + "/v1/person/" + name + "/_credential/_set_password", token, "{\"password\":\"" + password + "\"}"), 204);
    }

    /** The time of the credential step alone, after init and begin. */
    static long passwordStep(HttpClient http, String url, String name, String password) throws Exception {
        HttpRequest init = HttpRequest.newBuilder(URI.create(url + "/v1/auth")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"step\":{\"init\":\"" + name + "\"}}")).build();
        String session = http.send(init, HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-Signet-Auth-Session-Id").orElseThrow();
        HttpRequest begin = HttpRequest.newBuilder(URI.create(url + "/v1/auth")).header("Content-Type", "application/json")
                .header("X-Signet-Auth-Session-Id", session).POST(HttpRequest.BodyPublishers.ofString("{\"step\":{\"begin\":\"password\"}}")).build();
        http.send(begin, HttpResponse.BodyHandlers.ofString());
        HttpRequest cred = HttpRequest.newBuilder(URI.create(url + "/v1/auth")).header("Content-Type", "application/json")
                .header("X-Signet-Auth-Session-Id", session)
                .POST(HttpRequest.BodyPublishers.ofString("{\"step\":{\"cred\":{\"password\":\"" + password + "\"}}}")).build();
        long t = System.nanoTime();
        int status = http.send(cred, HttpResponse.BodyHandlers.ofString()).statusCode();
        if (status != 200 && status != 429) {
            throw new IllegalStateException("password step for " + name + " answered " + status);
        }
        // 200 with success or denied; 429 for a soft-locked name (the same for accounts and unknown names)
        return System.nanoTime() - t;
    }

    static HttpClient client(int clients) throws Exception {
        return client(clients, null);
    }

    /** An HTTPS client trusting the server's self-signed certificate; with a cookie jar, a browser's. */
    static HttpClient client(int clients, java.net.CookieHandler cookies) throws Exception {
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
        }}, new SecureRandom());
        HttpClient.Builder builder = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(clients)).connectTimeout(Duration.ofSeconds(10));
        if (cookies != null) {
            builder.cookieHandler(cookies);
        }
        return builder.build();
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** The OAuth2 provider under load: client credentials and authorization code round trips. */
    static final class OAuth2Load {
        private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([a-z_]+)\" value=\"([^\"]*)\"\\s*/?>");
        private static final Pattern ACCESS = Pattern.compile("\"access_token\":\"([^\"]+)\"");
        private static final String PASSWORD = "oauth2 passphrase for the benchmark";

        static void run(HttpClient http, String url, String token, String run, int clients, int seconds) throws Exception {
            String group = "b" + run + "oidc";
            String client = "b" + run + "app";
            String redirect = "https://" + client + ".example.com/callback";
            send(http, post(url + "/v1/group", token, "{\"attrs\":{\"name\":[\"" + group + "\"]}}"), 201);
            String created = http.send(post(url + "/v1/oauth2/_basic", token, "{\"attrs\":{\"name\":[\"" + client
                    + "\"],\"oauth2_rs_origin\":[\"" + redirect + "\"],\"oauth2_consent_prompt_enable\":[\"false\"]}}"),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher secretMatch = Pattern.compile("\"client_secret\":\"([^\"]+)\"").matcher(created);
            if (!secretMatch.find()) {
                throw new IllegalStateException("client not created: " + created);
            }
            String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((client + ":" + secretMatch.group(1)).getBytes());
            send(http, post(url + "/v1/oauth2/" + client + "/_scopemap/" + group, token, "[\"openid\",\"profile\",\"email\"]"), 200);
            String[] people = new String[clients];
            StringBuilder members = new StringBuilder();
            for (int c = 0; c < clients; c++) {
                people[c] = "b" + run + "rp" + c;
                createWithPassword(http, url, token, people[c], PASSWORD);
                members.append(c == 0 ? "" : ",").append('"').append(people[c]).append('"');
            }
            send(http, post(url + "/v1/group/" + group + "/_attr/member", token, "[" + members + "]"), 200);

            ExecutorService pool = Executors.newFixedThreadPool(clients);
            Phase credentials = timed(pool, clients, seconds, () -> send(http, HttpRequest.newBuilder(URI.create(url + "/oauth2/token"))
                    .header("Authorization", basic).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), 200));
            credentials.print("client_credentials token", credentials.count());

            HttpClient[] browsers = new HttpClient[clients];
            for (int c = 0; c < clients; c++) {
                browsers[c] = client(2, new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL));
                roundTrip(browsers[c], url, client, redirect, basic, people[c]);
            }
            AtomicInteger next = new AtomicInteger();
            ThreadLocal<Integer> slot = ThreadLocal.withInitial(next::getAndIncrement);
            Phase signedIn = timed(pool, clients, seconds, () -> {
                int c = slot.get() % clients;
                return roundTrip(browsers[c], url, client, redirect, basic, null);
            });
            signedIn.print("auth code round trip", signedIn.count());
            Phase withLogin = timed(pool, clients, seconds, () -> {
                int c = slot.get() % clients;
                HttpClient fresh = client(2, new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL));
                return roundTrip(fresh, url, client, redirect, basic, people[c]);
            });
            withLogin.print("  ... with password login", withLogin.count());
            pool.shutdownNow();
        }

        /** authorize (signing in with the password first when asked), code, token, userinfo. */
        static long roundTrip(HttpClient browser, String url, String client, String redirect, String basic, String person) throws Exception {
            long t = System.nanoTime();
            byte[] random = new byte[32];
            ThreadLocalRandom.current().nextBytes(random);
            String verifier = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            String challenge = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes()));
            String query = "response_type=code&client_id=" + client + "&scope=openid+email&state=s&nonce=n&code_challenge=" + challenge
                    + "&code_challenge_method=S256&redirect_uri=" + java.net.URLEncoder.encode(redirect, java.nio.charset.StandardCharsets.UTF_8);
            HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(url + "/oauth2/authorize?" + query)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200 && person != null) {
                String form = fields(answer.body()) + "&username=" + person;
                HttpResponse<String> page = browser.send(formPost(url + "/oauth2/authorize/login", form), HttpResponse.BodyHandlers.ofString());
                answer = browser.send(formPost(url + "/oauth2/authorize/credential", fields(page.body()) + "&password="
                        + java.net.URLEncoder.encode(PASSWORD, java.nio.charset.StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());
            }
            String location = answer.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("no redirect"));
            String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
            HttpResponse<String> tokens = browser.send(HttpRequest.newBuilder(URI.create(url + "/oauth2/token")).header("Authorization", basic)
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                            "grant_type=authorization_code&code=" + code + "&code_verifier=" + verifier + "&redirect_uri="
                                    + java.net.URLEncoder.encode(redirect, java.nio.charset.StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher access = ACCESS.matcher(tokens.body());
            if (!access.find()) {
                throw new IllegalStateException("token: " + tokens.body());
            }
            send(browser, HttpRequest.newBuilder(URI.create(url + "/oauth2/openid/" + client + "/userinfo"))
                    .header("Authorization", "Bearer " + access.group(1)).GET().build(), 200);
            return System.nanoTime() - t;
        }

        static HttpRequest formPost(String url, String form) {
            return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        }

        static String fields(String html) {
            StringBuilder form = new StringBuilder();
            Matcher m = HIDDEN.matcher(html);
            while (m.find()) {
                form.append(form.length() == 0 ? "" : "&").append(m.group(1)).append('=')
                        .append(java.net.URLEncoder.encode(m.group(2).replace("&amp;", "&"), java.nio.charset.StandardCharsets.UTF_8));
            }
            return form.toString();
        }
    }

    /**
     * The LDAP sync job against slapd: N people (inetOrgPerson + posixAccount, {SSHA} passwords,
     * an SSH key on every tenth) and M groups of 20 members (every tenth group nested in another),
     * generated here as LDIF and loaded offline with slapadd; one full run, then 1% of the people
     * renamed in displayName and 1% of the groups given a new member, and an incremental run.
     */
    static final class SyncLoad {
        static void run(HttpClient http, String url, String token, String run, int people, int groups, LdapLoad ldap) throws Exception {
            Path dir = Files.createTempDirectory("signet-sync-bench");
            Path ldif = dir.resolve("fixture.ldif");
            int uidBase = ThreadLocalRandom.current().nextInt(1, 1000) * 200_000;
            long t = System.nanoTime();
            fixture(ldif, run, people, groups, uidBase);
            System.out.printf("sync fixture: %d people, %d groups generated in %.1f s%n", people, groups, (System.nanoTime() - t) / 1e9);
            int port;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                port = free.getLocalPort();
            }
            t = System.nanoTime();
            Path slapd = dir.resolve("slapd");
            exec("bash", "arquillian-tests/src/test/slapd/start.sh", slapd.toString(), String.valueOf(port), ldif.toString());
            System.out.printf("slapd loaded (slapadd) and started in %.1f s%n", (System.nanoTime() - t) / 1e9);
            try {
                String account = "bench_" + run;
                send(http, post(url + "/v1/sync_account", token, "{\"attrs\":{\"name\":[\"" + account + "\"]}}"), 201);
                String ca = Files.readString(slapd.resolve("cert.pem")).replace("\n", "\\n");
                send(http, HttpRequest.newBuilder(URI.create(url + "/v1/sync_account/" + account + "/_ldap"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"url\":\"ldaps://localhost:" + port + "\",\"bind_dn\":\"cn=signet-sync,dc=example,dc=com\","
                                + "\"bind_password\":\"upstream sync secret\",\"base_dn\":\"dc=example,dc=com\",\"ca_pem\":\"" + ca + "\"}")).build(), 200);
                timedRun(http, url, token, account, "first full run");
                Path changes = dir.resolve("changes.ldif");
                int changed = changes(changes, run, people, groups);
                exec("ldapmodify", "-H", "ldaps://127.0.0.1:" + port, "-x", "-D", "cn=admin,dc=example,dc=com", "-w",
                        Files.readString(slapd.resolve("root.password")).trim(), "-f", changes.toString());
                System.out.printf("upstream: %d entries changed (1%%)%n", changed);
                timedRun(http, url, token, account, "incremental run (1%)");
                ldap.compare(run, people, port, Files.readString(slapd.resolve("root.password")).trim(), URI.create(url).getHost());
            } finally {
                long pid = Long.parseLong(Files.readString(slapd.resolve("slapd.pid")).trim());
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            }
        }

        private static void timedRun(HttpClient http, String url, String token, String account, String what) throws Exception {
            long t = System.nanoTime();
            HttpResponse<String> started = http.send(post(url + "/v1/sync_account/" + account + "/_run", token, ""), HttpResponse.BodyHandlers.ofString());
            Matcher id = Pattern.compile("\"run\":\"([^\"]+)\"").matcher(started.body());
            if (!id.find()) {
                throw new IllegalStateException("no run: " + started.body());
            }
            Pattern mine = Pattern.compile("\\{[^{}]*\"id\":\"" + id.group(1) + "\"[^{}]*}");
            while (true) {
                Thread.sleep(500);
                String runs = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/sync_account/" + account + "/_runs"))
                        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = mine.matcher(runs);
                if (m.find() && !m.group().contains("\"status\":\"RUNNING\"")) {
                    double seconds = (System.nanoTime() - t) / 1e9;
                    int read = number(m.group(), "read");
                    System.out.printf("%-24s %7d entries read in %7.1f s = %7.1f entries/s   %s%n", what, read, seconds, read / seconds,
                            m.group().replaceAll("\"(id|started|ended)\":\"[^\"]*\",?", ""));
                    if (!m.group().contains("COMPLETED")) {
                        throw new IllegalStateException("the run failed: " + m.group());
                    }
                    return;
                }
            }
        }

        private static int number(String json, String field) {
            Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }

        private static String personDn(String run, int i) {
            return "uid=s" + run + "p" + i + ",ou=people,dc=example,dc=com";
        }

        private static void fixture(Path ldif, String run, int people, int groups, int uidBase) throws Exception {
            java.security.MessageDigest sha1 = java.security.MessageDigest.getInstance("SHA-1");
            byte[] salt = "benchsal".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            sha1.update("bench password".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha1.update(salt);
            byte[] both = Arrays.copyOf(sha1.digest(), 28);
            System.arraycopy(salt, 0, both, 20, 8);
            String ssha = "{SSHA}" + java.util.Base64.getEncoder().encodeToString(both);
            try (var out = Files.newBufferedWriter(ldif)) {
                for (int i = 0; i < people; i++) {
                    String uid = "s" + run + "p" + i;
                    out.write("dn: " + personDn(run, i) + "\nobjectClass: top\nobjectClass: inetOrgPerson\nobjectClass: posixAccount\n"
                            + "objectClass: ldapPublicKey\nuid: " + uid + "\ncn: Sync Person " + i + "\nsn: Person" + i
                            + "\ndisplayName: Sync Person " + i + "\nmail: " + uid + "@example.com\nuidNumber: " + (uidBase + i)
                            + "\ngidNumber: " + (uidBase + i) + "\nhomeDirectory: /home/" + uid + "\nloginShell: /bin/bash\nuserPassword: " + ssha + "\n");
                    if (i % 10 == 0) {
                        out.write("sshPublicKey: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH0NIlGpYc7PoW+jz1tQF27Wkw5s7Ykr0nTY1RsY6bQx " + uid + "@laptop\n");
                    }
                    out.write("\n");
                }
                for (int g = 0; g < groups; g++) {
                    out.write("dn: cn=s" + run + "g" + g + ",ou=groups,dc=example,dc=com\nobjectClass: top\nobjectClass: groupOfNames\ncn: s" + run + "g" + g + "\n");
                    for (int m = 0; m < 20; m++) {
                        out.write("member: " + personDn(run, (g * 20 + m) % people) + "\n");
                    }
                    if (g % 10 == 9) {
                        out.write("member: cn=s" + run + "g" + (g - 9) + ",ou=groups,dc=example,dc=com\n");
                    }
                    out.write("\n");
                }
            }
        }

        private static int changes(Path ldif, String run, int people, int groups) throws Exception {
            int changed = 0;
            try (var out = Files.newBufferedWriter(ldif)) {
                for (int i = 0; i < people; i += 100) {
                    out.write("dn: " + personDn(run, i) + "\nchangetype: modify\nreplace: displayName\ndisplayName: Changed Person " + i + "\n\n");
                    changed++;
                }
                for (int g = 0; g < groups; g += 100) {
                    out.write("dn: cn=s" + run + "g" + g + ",ou=groups,dc=example,dc=com\nchangetype: modify\nadd: member\nmember: "
                            + personDn(run, (g * 20 + 77) % people) + "\n\n");
                    changed++;
                }
            }
            return changed;
        }

        private static void exec(String... command) throws Exception {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("LDAPTLS_REQCERT", "never");
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
        }
    }

    /**
     * The LDAP gateway against slapd, the same people in both (the sync benchmark's fixture, which
     * Signet imported): UnboundID's searchrate ({@code (uid=...)} with random people, 8 threads)
     * and authrate (search, then bind as the person found with the fixture's password). Signet's
     * binds verify Argon2id (the imported {SSHA} hash is replaced at the first bind); slapd's
     * verify {SSHA}, one SHA-1: the bind ratio measures that choice as much as the code.
     */
    record LdapLoad(int seconds, String unboundidJar, String idmAdminPassword) {
        void compare(String run, int people, int slapdPort, String slapdRootPassword, String signetHost) throws Exception {
            if (seconds <= 0) {
                return;
            }
            String filter = "(uid=s" + run + "p[0-" + (people - 1) + "])";
            double slapdSearch = tool("SearchRate", "127.0.0.1", slapdPort, "cn=admin,dc=example,dc=com", slapdRootPassword,
                    "dc=example,dc=com", filter, "--attribute", "uid", "--attribute", "mail");
            double signetSearch = tool("SearchRate", signetHost, 3636, "name=idm_admin,dc=" + signetHost.replace(".", ",dc="),
                    idmAdminPassword, "dc=" + signetHost.replace(".", ",dc="), filter, "--attribute", "uid", "--attribute", "mail");
            double slapdAuth = tool("AuthRate", "127.0.0.1", slapdPort, "cn=admin,dc=example,dc=com", slapdRootPassword,
                    "dc=example,dc=com", filter, "--credentials", "bench password");
            double signetAuth = tool("AuthRate", signetHost, 3636, "name=idm_admin,dc=" + signetHost.replace(".", ",dc="),
                    idmAdminPassword, "dc=" + signetHost.replace(".", ",dc="), filter, "--credentials", "bench password");
            System.out.printf("LDAP searches/s: slapd %.0f, Signet %.0f (Signet/slapd %.2f)%n", slapdSearch, signetSearch, signetSearch / slapdSearch);
            System.out.printf("LDAP search+bind/s: slapd %.0f, Signet %.0f (Signet/slapd %.3f)%n", slapdAuth, signetAuth, signetAuth / slapdAuth);
        }

        /** Runs one UnboundID tool; answers its overall rate (the next-to-last column of its last interval line). */
        private double tool(String name, String host, int port, String bindDn, String password, String base, String filter, String... more)
                throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    unboundidJar, "com.unboundid.ldap.sdk.examples." + name, "--hostname", host, "--port", String.valueOf(port), "--useSSL",
                    "--trustAll", "--bindDN", bindDn, "--bindPassword", password, "--baseDN", base, "--scope", "sub", "--filter", filter,
                    "--numThreads", "8", "--intervalDuration", "1", "--numIntervals", String.valueOf(seconds),
                    // as long again before the figures count: a JVM just started (and a database just loaded) is not yet what it will be
                    "--warmUpIntervals", String.valueOf(seconds)));
            command.addAll(List.of(more));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            String last = null;
            for (String line : out.split("\n")) {
                if (line.trim().matches("[0-9].*")) {
                    last = line.trim();
                }
            }
            if (last == null) {
                throw new IllegalStateException(name + " against " + host + ":" + port + " printed no figures:\n" + out);
            }
            String[] columns = last.split("\\s+");
            System.out.printf("%-10s %-9s %s%n", name, host + ":" + port, last);
            return Double.parseDouble(columns[columns.length - 2]);
        }
    }
}
