import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * RADIUS PAP benchmark: Signet against Debian's FreeRADIUS 3.2 ({@code files} module holding the
 * same people's secrets in clear), one server at a time, with FreeRADIUS's own load client:
 *
 *   java benchmarks/RadiusBenchmark.java [--url https://localhost:8443] [--recovery PATH]
 *        [--people 10000] [--requests 20000] [--parallel 64] [--radius-port 1812] [--freeradius-port 21812]
 *        [--peap 500] [--peap-parallel 8]
 *
 * Against a running Signet: logs in as idm_admin, creates --people people with RADIUS secrets in
 * 100 groups of 100, nested in one group that a RADIUS client at 127.0.0.1 allows (with a VLAN,
 * as a Wi-Fi controller would get), and writes a radclient file of --requests PAP Access-Requests
 * with Message-Authenticator (each person twice). Then {@code radclient -p 64} sends them to
 * Signet (1812), then to a private FreeRADIUS ({@code freeradius -f -d <copy of
 * /etc/freeradius/3.0>} on --freeradius-port, started by the benchmark, stopped after it).
 * Prints both rates, the answers counted, and the ratio. Then the same for --peap full
 * PEAP-MSCHAPv2 logins with wpa_supplicant's {@code eapol_test}, --peap-parallel at a time
 * (0 skips them; Debian's FreeRADIUS serves the snakeoil certificate, which eapol_test is told to trust).
 * Needs Debian's freeradius, freeradius-utils and eapoltest. Logging in as a RADIUS client replaces any client registered for 127.0.0.1.
 */
public class RadiusBenchmark {
    private static final Pattern TOKEN = Pattern.compile("\"success\":\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("\"secret\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String url = option(args, "--url", "https://localhost:8443");
        Path recovery = Path.of(option(args, "--recovery", "wildfly-config/target/wildfly/standalone/data/signet/recovery.txt"));
        int people = Integer.parseInt(option(args, "--people", "10000"));
        int requests = Integer.parseInt(option(args, "--requests", "20000"));
        int parallel = Integer.parseInt(option(args, "--parallel", "64"));
        int freeradiusPort = Integer.parseInt(option(args, "--freeradius-port", "21812"));
        int peap = Integer.parseInt(option(args, "--peap", "500"));
        int peapParallel = Integer.parseInt(option(args, "--peap-parallel", "8"));
        String signetRadius = "127.0.0.1:" + option(args, "--radius-port", "1812");
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        // FreeRADIUS reads its copied configuration as its own user (freerad) once it has dropped root
        Path work = Files.createTempDirectory("radius-bench",
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));

        HttpClient http = client();
        String password = Files.readAllLines(recovery).stream().filter(l -> l.startsWith("idm_admin: "))
                .map(l -> l.substring("idm_admin: ".length())).findFirst().orElseThrow();
        String token = login(http, url, password);
        System.out.printf("Signet RADIUS benchmark: %s, %d people, %d PAP requests, radclient -p %d, run %s%n", url, people, requests, parallel, run);

        long setup = System.nanoTime();
        String wifi = "bwifi" + run;
        send(http, url, token, "POST", "/v1/group", "{\"attrs\":{\"name\":[\"" + wifi + "\"],\"radius_vlan\":[\"100\"]}}", 201);
        String[] names = new String[people];
        String[] secrets = new String[people];
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            int n = i;
            done.add(pool.submit(() -> {
                names[n] = "br" + run + "p" + n;
                send(http, url, token, "POST", "/v1/person", "{\"attrs\":{\"name\":[\"" + names[n] + "\"],\"displayname\":[\"Bench " + n + "\"]}}", 201);
                Matcher m = SECRET.matcher(send(http, url, token, "POST", "/v1/person/" + names[n] + "/_radius", "{}", 200));
                m.find();
                secrets[n] = m.group(1);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        done.clear();
        for (int g = 0; g * 100 < people; g++) {
            int from = g * 100;
            String group = "br" + run + "g" + g;
            done.add(pool.submit(() -> {
                StringBuilder members = new StringBuilder("[");
                for (int i = from; i < Math.min(people, from + 100); i++) {
                    members.append(i > from ? "," : "").append('"').append(names[i]).append('"');
                }
                send(http, url, token, "POST", "/v1/group", "{\"attrs\":{\"name\":[\"" + group + "\"]}}", 201);
                send(http, url, token, "POST", "/v1/group/" + group + "/_attr/member", members.append("]").toString(), 200);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        // the nested groups join the allowed group in one change (concurrent ones would conflict)
        StringBuilder nested = new StringBuilder("[");
        for (int g = 0; g * 100 < people; g++) {
            nested.append(g > 0 ? "," : "").append("\"br").append(run).append('g').append(g).append('"');
        }
        send(http, url, token, "POST", "/v1/group/" + wifi + "/_attr/member", nested.append("]").toString(), 200);
        pool.shutdown();
        // one client for the loopback: any other that claims it goes
        for (String existing : send(http, url, token, "GET", "/v1/radius_client", null, 200).split("\\{\"attrs\"")) {
            Matcher name = Pattern.compile("\"name\":\\[\"([^\"]+)\"\\]").matcher(existing);
            if (existing.contains("\"127.0.0.1\"") && name.find()) {
                send(http, url, token, "DELETE", "/v1/radius_client/" + name.group(1), null, 204);
            }
        }
        String nas = "bnas" + run;
        send(http, url, token, "POST", "/v1/radius_client", "{\"attrs\":{\"name\":[\"" + nas + "\"],\"radius_address\":[\"127.0.0.1\"]}}", 201);
        send(http, url, token, "POST", "/v1/radius_client/" + nas + "/_attr/radius_group", "[\"" + wifi + "\"]", 200);
        Matcher s = SECRET.matcher(send(http, url, token, "POST", "/v1/radius_client/" + nas + "/_generate_secret", "{}", 200));
        s.find();
        String shared = s.group(1);
        System.out.printf("setup: %d people with RADIUS secrets in %.0f s%n", people, (System.nanoTime() - setup) / 1e9);

        StringBuilder input = new StringBuilder();
        for (int i = 0; i < requests; i++) {
            int n = i % people;
            input.append("User-Name = \"").append(names[n]).append("\"\nUser-Password = \"").append(secrets[n])
                    .append("\"\nMessage-Authenticator = 0x00\n\n");
        }
        Path file = work.resolve("requests.txt");
        Files.writeString(file, input);
        Path secretFile = work.resolve("secret");
        Files.writeString(secretFile, shared);

        // a few hundred requests first, so that neither server is measured cold
        Path warm = work.resolve("warm.txt");
        Files.writeString(warm, input.substring(0, nthBlock(input, Math.min(requests, 500))));
        radclient(warm, signetRadius, shared, parallel);
        Result signet = radclient(file, signetRadius, shared, parallel);
        System.out.printf("Signet:     %,8.0f Access-Requests/s (%d accepted, %d rejected, %d lost, %.1f s)%n",
                signet.rate(), signet.accepted(), signet.rejected(), signet.lost(), signet.seconds());
        Path signetCa = work.resolve("signet.pem");
        Files.writeString(signetCa, send(http, url, token, "GET", "/ca.pem", null, 200));
        Eapol signetPeap = peap > 0 ? eapolLoop(work, "signet", names, secrets, peap, signetCa, signetRadius, shared, peapParallel) : null;

        Path raddb = freeradiusConfig(work, names, secrets, shared, freeradiusPort);
        Process freeradius = new ProcessBuilder("freeradius", "-f", "-d", raddb.toString(), "-l", work.resolve("radius.log").toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("freeradius.out").toFile()).start();
        try {
            awaitAnswer(freeradiusPort, freeradius, work);
            radclient(warm, "127.0.0.1:" + freeradiusPort, shared, parallel);
            Result anchor = radclient(file, "127.0.0.1:" + freeradiusPort, shared, parallel);
            System.out.printf("FreeRADIUS: %,8.0f Access-Requests/s (%d accepted, %d rejected, %d lost, %.1f s)%n",
                    anchor.rate(), anchor.accepted(), anchor.rejected(), anchor.lost(), anchor.seconds());
            System.out.printf("ratio Signet/FreeRADIUS: %.2f%n", signet.rate() / anchor.rate());
            if (signetPeap != null) {
                // Debian's eap module serves the machine's snakeoil certificate, which is its own CA
                Eapol anchorPeap = eapolLoop(work, "freeradius", names, secrets, peap, Path.of("/etc/ssl/certs/ssl-cert-snakeoil.pem"),
                        "127.0.0.1:" + freeradiusPort, shared, peapParallel);
                System.out.printf("PEAP-MSCHAPv2, eapol_test x%d, %d at once:%n", peap, peapParallel);
                System.out.printf("Signet:     %,8.1f authentications/s (%d succeeded, %d failed, %.1f s)%n",
                        signetPeap.rate(), signetPeap.succeeded(), signetPeap.failed(), signetPeap.seconds());
                System.out.printf("FreeRADIUS: %,8.1f authentications/s (%d succeeded, %d failed, %.1f s)%n",
                        anchorPeap.rate(), anchorPeap.succeeded(), anchorPeap.failed(), anchorPeap.seconds());
                System.out.printf("ratio Signet/FreeRADIUS: %.2f%n", signetPeap.rate() / anchorPeap.rate());
            }
        } finally {
            freeradius.destroy();
            freeradius.waitFor(10, TimeUnit.SECONDS);
        }
    }

    record Result(double seconds, long accepted, long rejected, long lost) {
        double rate() {
            return (accepted + rejected) / seconds;
        }
    }

    record Eapol(double seconds, long succeeded, long failed) {
        double rate() {
            return succeeded / seconds;
        }
    }

    /**
     * Full PEAP-MSCHAPv2 logins, one eapol_test process each (as a laptop would: TLS handshake,
     * inner MS-CHAPv2, MPPE keys checked), {@code parallel} at a time, for the first people in
     * turn. A success is eapol_test's exit 0, which it gives only when the keys match.
     */
    static Eapol eapolLoop(Path work, String label, String[] names, String[] secrets, int count, Path ca, String server, String shared,
                           int parallel) throws Exception {
        Path dir = Files.createDirectories(work.resolve("eapol-" + label));
        Path[] confs = new Path[Math.min(count, names.length)];
        for (int i = 0; i < confs.length; i++) {
            confs[i] = Files.writeString(dir.resolve(i + ".conf"), "network={\n key_mgmt=WPA-EAP\n eap=PEAP\n identity=\"" + names[i]
                    + "\"\n anonymous_identity=\"anonymous\"\n password=\"" + secrets[i] + "\"\n ca_cert=\"" + ca
                    + "\"\n phase1=\"peapver=0\"\n phase2=\"auth=MSCHAPV2\"\n}\n");
        }
        String host = server.substring(0, server.lastIndexOf(':'));
        String port = server.substring(server.lastIndexOf(':') + 1);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        java.util.concurrent.atomic.AtomicLong ok = new java.util.concurrent.atomic.AtomicLong();
        List<Future<?>> runs = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Path conf = confs[i % confs.length];
            runs.add(pool.submit(() -> {
                Process p = new ProcessBuilder("eapol_test", "-c", conf.toString(), "-a", host, "-p", port, "-s", shared, "-r", "0", "-t", "20")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor() == 0) {
                    ok.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : runs) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Eapol(seconds, ok.get(), count - ok.get());
    }

    private static int nthBlock(CharSequence input, int blocks) {
        int at = 0;
        for (int i = 0; i < blocks; i++) {
            at = input.toString().indexOf("\n\n", at) + 2;
        }
        return at;
    }

    /** radclient over the whole file, the wall time it took and its summary counts. */
    static Result radclient(Path file, String server, String secret, int parallel) throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder("radclient", "-q", "-s", "-p", Integer.toString(parallel), "-r", "3", "-t", "3", "-f", file.toString(),
                server, "auth", secret).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(seconds, count(out, "Accepted"), count(out, "Rejected"), count(out, "Lost"));
    }

    private static long count(String summary, String label) {
        Matcher m = Pattern.compile(label + "\\s*:\\s*(\\d+)").matcher(summary);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** A private copy of Debian's FreeRADIUS configuration: the files module with every person, one client, its own ports. */
    static Path freeradiusConfig(Path work, String[] names, String[] secrets, String shared, int port) throws Exception {
        Path raddb = work.resolve("raddb");
        run("cp", "-a", "/etc/freeradius/3.0", raddb.toString());
        StringBuilder users = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            // the same answer Signet gives: the VLAN triple
            users.append(names[i]).append(" Cleartext-Password := \"").append(secrets[i]).append("\"\n")
                    .append("\tTunnel-Type = VLAN, Tunnel-Medium-Type = IEEE-802, Tunnel-Private-Group-Id = \"100\"\n\n");
        }
        Files.writeString(raddb.resolve("mods-config/files/authorize"), users);
        Files.writeString(raddb.resolve("clients.conf"), "client bench {\n\tipaddr = 127.0.0.1\n\tsecret = " + shared
                + "\n\trequire_message_authenticator = yes\n}\n");
        Path site = raddb.resolve("sites-available/default");
        // the site's four listeners (auth, acct; IPv4, IPv6) say "port = 0" (the services file's): ours, on the loopback only
        String[] ports = {Integer.toString(port), Integer.toString(port + 1), Integer.toString(port + 3), Integer.toString(port + 4)};
        Matcher listener = Pattern.compile("(?m)^\\tport = 0$").matcher(Files.readString(site));
        StringBuilder config = new StringBuilder();
        int found = 0;
        while (listener.find()) {
            listener.appendReplacement(config, "\tport = " + ports[Math.min(found++, 3)]);
        }
        listener.appendTail(config);
        if (found != 4) {
            throw new IllegalStateException("expected four listeners in " + site + ", found " + found);
        }
        String bound = config.toString().replaceAll("(?m)^\\tipaddr = \\*$", "\tipaddr = 127.0.0.1")
                .replaceAll("(?m)^(\\s*)ipv6addr = ::(\\s)", "$1ipv6addr = ::1$2");
        Files.writeString(site, bound);
        // the inner-tunnel listener would take 18120, shared with nothing here but kept out of the way
        Files.writeString(raddb.resolve("sites-available/inner-tunnel"),
                Files.readString(raddb.resolve("sites-available/inner-tunnel")).replace("port = 18120", "port = " + (port + 2)));
        run("chown", "-R", "freerad:freerad", raddb.toString());
        run("chmod", "-R", "go-w", raddb.toString());
        return raddb;
    }

    private static void awaitAnswer(int port, Process server, Path work) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("freeradius ended: " + Files.readString(work.resolve("freeradius.out")));
            }
            try (DatagramSocket probe = new DatagramSocket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port));
                probe.setSoTimeout(200);
                byte[] status = new byte[20];
                status[0] = 12;
                status[3] = 20;
                probe.send(new DatagramPacket(status, status.length));
                try {
                    probe.receive(new DatagramPacket(new byte[4096], 4096));
                } catch (IOException e) {
                    // no answer to an unsigned Status-Server is an answer too: the port is bound by now
                }
            }
            if (Files.readString(work.resolve("freeradius.out")).contains("Ready to process requests")
                    || Files.exists(work.resolve("radius.log")) && Files.readString(work.resolve("radius.log")).contains("Ready to process requests")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("freeradius did not start: " + Files.readString(work.resolve("freeradius.out")));
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    static String send(HttpClient http, String url, String token, String method, String path, String body, int expect) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expect) {
            throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String login(HttpClient http, String url, String password) throws Exception {
        HttpRequest init = HttpRequest.newBuilder(URI.create(url + "/v1/auth")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"step\":{\"init2\":{\"username\":\"idm_admin\",\"privileged\":true}}}")).build();
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

    static HttpClient client() throws Exception {
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
        return HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
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
