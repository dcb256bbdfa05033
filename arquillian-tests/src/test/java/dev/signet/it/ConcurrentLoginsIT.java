package dev.signet.it;

import static dev.signet.it.SignetApi.quote;
import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Assertions;

/**
 * Credential steps fired at once: the lockout limit holds under concurrency, and a crowd of
 * failed logins neither exhausts the database pool nor makes anybody wait long.
 */
@ExtendWith(ArquillianExtension.class)
class ConcurrentLoginsIT {
    private static final String PASSWORD = "a long enough passphrase 42";
    /** The server's default lockout limit (signet.lockout.attempts). */
    private static final int LIMIT = 5;

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    /** One step on a keep-alive connection from a chosen local address: the status, the session header and the body. */
    private static Answer step(LoopbackHttps.Connection connection, String body, String session) throws IOException {
        LoopbackHttps.Answer answer = connection.post("/v1/auth", body,
                session == null ? Map.of() : Map.of(SignetApi.SESSION_HEADER, session));
        return new Answer(answer.status(), answer.header(SignetApi.SESSION_HEADER), answer.body());
    }

    private record Answer(int status, String session, String body) {
        JsonObject object() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }
    }

    /** init and begin over the JDK client: the session id of a password step ready to be taken. */
    private static String preparedPasswordStep(String name) {
        SignetApi.Response init = SignetApi.anonymous().send("POST", "/v1/auth", "{\"step\":{\"init\":" + quote(name) + "}}", null)
                .expect(200);
        String session = init.header(SignetApi.SESSION_HEADER);
        SignetApi.anonymous().send("POST", "/v1/auth", "{\"step\":{\"begin\":\"password\"}}", session).expect(200);
        return session;
    }

    /** Runs every task at the same moment, each on its own thread; their results in order. */
    private static <T> List<T> allAtOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> task : tasks) {
                running.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(result.get(5, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentWrongPasswordsAreCheckedNoMoreOftenThanTheLockoutLimit() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("race");
        idm.createPersonWithPassword(name, PASSWORD);
        int attempts = 60;
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            sessions.add(preparedPasswordStep(name));
        }
        List<Callable<SignetApi.Response>> guesses = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            String session = sessions.get(i);
            String guess = "wrong guess number " + i;
            guesses.add(() -> SignetApi.anonymous().send("POST", "/v1/auth",
                    "{\"step\":{\"cred\":{\"password\":" + quote(guess) + "}}}", session));
        }
        List<SignetApi.Response> answers = allAtOnce(guesses);

        long denied = answers.stream().filter(a -> a.status() == 200).count();
        long locked = answers.stream().filter(a -> a.status() == 429).count();
        assertEquals(attempts, denied + locked, "every step is denied or refused as locked: "
                + answers.stream().map(SignetApi.Response::status).toList());
        assertTrue(denied <= LIMIT, denied + " wrong passwords were checked; the limit is " + LIMIT);
        SignetApi.Response right = SignetApi.anonymous().send("POST", "/v1/auth",
                "{\"step\":{\"cred\":{\"password\":" + quote(PASSWORD) + "}}}", preparedPasswordStep(name)).expect(429);
        assertTrue(right.object().getString("detail").contains("locked"), right.body());

        String events = SignetApi.admin().get("/v1/audit?type=auth.failure&since=" + start, "application/x-ndjson").expect(200).body();
        long checked = events.lines().filter(e -> e.contains(name) && e.contains("wrong password")).count();
        assertTrue(checked <= LIMIT, checked + " wrong passwords audited as checked: " + events);
        assertTrue(SignetApi.admin().get("/v1/audit?type=auth.lockout&since=" + start).expect(200).body().contains(name),
                "the lock is audited");
    }

    /** The same limit over LDAP: binds fired at once each count before their password is checked. */
    @Test
    void concurrentWrongLdapBindsAreCheckedNoMoreOftenThanTheLockoutLimit() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        String name = unique("ldaprace");
        SignetApi.idmAdmin().createPersonWithPassword(name, PASSWORD);
        int attempts = 30;
        List<LDAPConnection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                connections.add(LdapGatewayIT.connect());
            }
            List<Callable<ResultCode>> guesses = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                LDAPConnection connection = connections.get(i);
                String guess = "wrong ldap guess number " + i;
                guesses.add(() -> {
                    try {
                        return connection.bind(LdapGatewayIT.dn(name), guess).getResultCode();
                    } catch (LDAPException e) {
                        return e.getResultCode();
                    }
                });
            }
            List<ResultCode> answers = allAtOnce(guesses);
            assertTrue(answers.stream().allMatch(c -> c.equals(ResultCode.INVALID_CREDENTIALS) || c.equals(ResultCode.BUSY)), "every bind is refused alike: " + answers);
            LDAPException right = Assertions.assertThrows(LDAPException.class,
                    () -> connections.get(0).bind(LdapGatewayIT.dn(name), PASSWORD));
            assertEquals(ResultCode.INVALID_CREDENTIALS, right.getResultCode(), "locked: the right password is refused too");
        } finally {
            connections.forEach(LDAPConnection::close);
        }
        String events = SignetApi.admin().get("/v1/audit?type=ldap.bind&since=" + start, "application/x-ndjson").expect(200).body();
        long checked = events.lines().filter(e -> e.contains(name) && e.contains("wrong password")).count();
        assertTrue(checked <= LIMIT, checked + " wrong LDAP passwords were checked; the limit is " + LIMIT + ": " + events);
        assertTrue(events.lines().anyMatch(e -> e.contains(name) && e.contains("soft lock")), "the locked bind is audited as such");
        assertTrue(SignetApi.admin().get("/v1/audit?type=auth.lockout&since=" + start).expect(200).body().contains(name),
                "the lock is audited");
    }

    @Test
    void twoHundredConcurrentFailedLoginsFromTwentyAddressesNeitherFailNorHang() throws Exception {
        int addresses = 20;
        int perAddress = 10;
        // each source has its own rate-limit bucket; 127.0.21.x is used by no other test
        List<LoopbackHttps.Connection> connections = new ArrayList<>();
        List<String> sessions = new ArrayList<>();
        try {
            for (int a = 1; a <= addresses; a++) {
                for (int i = 0; i < perAddress; i++) {
                    LoopbackHttps.Connection connection = new LoopbackHttps.Connection("127.0.21." + a);
                    connections.add(connection);
                    sessions.add(passwordSession(connection));
                }
            }
            List<Callable<long[]>> failures = new ArrayList<>();
            for (int i = 0; i < connections.size(); i++) {
                LoopbackHttps.Connection connection = connections.get(i);
                String session = sessions.get(i);
                failures.add(() -> {
                    long t = System.nanoTime();
                    Answer answer = step(connection, "{\"step\":{\"cred\":{\"password\":\"not the passphrase at all\"}}}", session);
                    return new long[] {answer.status(), System.nanoTime() - t};
                });
            }
            List<long[]> results = allAtOnce(failures);
            List<Long> statuses = results.stream().map(r -> r[0]).distinct().sorted().toList();
            long slowest = results.stream().mapToLong(r -> r[1]).max().orElseThrow();
            System.out.printf("%d failed logins at once: statuses %s, slowest %d ms%n", results.size(),
                    results.stream().collect(Collectors.groupingBy(r -> r[0], TreeMap::new, Collectors.counting())),
                    Duration.ofNanos(slowest).toMillis());
            // a denial; under more load than the hash verifications can take, a 429 to retry later: never a 5xx
            assertTrue(List.of(200L, 429L).containsAll(statuses), "statuses " + statuses);
            assertTrue(results.stream().filter(r -> r[0] == 200).count() >= results.size() / 2,
                    "most failed logins are answered with a denial");
            assertTrue(Duration.ofNanos(slowest).compareTo(Duration.ofSeconds(10)) < 0,
                    "the slowest failed login took " + Duration.ofNanos(slowest).toMillis() + " ms");
        } finally {
            for (LoopbackHttps.Connection connection : connections) {
                connection.close();
            }
        }
        // the server is still at everybody's service
        SignetApi.idmAdmin().get("/v1/self").expect(200);
    }

    /**
     * init with unknown names until one is answered with the password mechanism (an unknown name
     * may be answered like an account with a second factor), then begin it: the session id.
     */
    private static String passwordSession(LoopbackHttps.Connection connection) throws IOException {
        for (int tries = 0; tries < 64; tries++) {
            Answer init = step(connection, "{\"step\":{\"init\":" + quote(unique("crowd")) + "}}", null);
            assertEquals(200, init.status(), init.body());
            List<String> offered = init.object().getJsonObject("state").getJsonArray("choose").getValuesAs(JsonString.class)
                    .stream().map(JsonString::getString).toList();
            if (offered.contains("password")) {
                assertEquals(200, step(connection, "{\"step\":{\"begin\":\"password\"}}", init.session()).status());
                return init.session();
            }
        }
        throw new AssertionError("no unknown name was offered the password mechanism");
    }
}
