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
 *        [--login-clients 8] [--login-seconds 20] [--auth-samples 40]
 *
 * Logs in as idm_admin (password from the first-boot recovery file), creates the people and the
 * groups (each group with 10 people as members) with --clients concurrent clients, then reads
 * random people with GET /v1/person/{name} for --read-seconds. Prints rates and latencies; then
 * times the password step for a wrong password, an unknown name, a soft-locked account and a
 * right password (--auth-samples each), which must not tell an attacker which is which.
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
        // the HTTP client's selector thread is not a daemon; nothing else is left to wait for
        System.exit(0);
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
     * How long the password step takes for a wrong password, an unknown name, a soft-locked
     * account (right password) and a right password: the first three must look alike to a client.
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
        long[][] nanos = new long[4][samples];
        for (int i = 0; i < samples; i++) {
            if (i % 4 == 3) {
                // keep the known account below the lockout threshold
                passwordStep(http, url, known, password);
            }
            nanos[0][i] = passwordStep(http, url, known, "not the password " + i);
            nanos[1][i] = passwordStep(http, url, "b" + run + "ghost" + i, "not the password " + i);
            nanos[2][i] = passwordStep(http, url, locked, password);
            nanos[3][i] = passwordStep(http, url, known, password);
        }
        String[] names = {"wrong password", "unknown account", "soft-locked, right password", "right password (success)"};
        for (int k = 0; k < 4; k++) {
            long[] sorted = nanos[k].clone();
            Arrays.sort(sorted);
            System.out.printf("auth step: %-28s p50 %6.1f ms  p90 %6.1f ms%n", names[k], sorted[samples / 2] / 1e6, sorted[samples * 9 / 10] / 1e6);
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
        return send(http, cred, 200);
    }

    static HttpClient client(int clients) throws Exception {
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
        return HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(clients)).connectTimeout(Duration.ofSeconds(10)).build();
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
