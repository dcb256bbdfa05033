package dev.signet.it;

import static dev.signet.it.SignetApi.attrs;
import static dev.signet.it.SignetApi.list;
import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the write path keeps true in the database itself: a purged entry is named by no row of any
 * table (the audit trail aside), and names are one namespace for entries, OAuth2 clients and sync
 * accounts even when two requests race for one.
 */
@ExtendWith(ArquillianExtension.class)
class ReferentialIntegrityIT {
    private static final String PASSWORD = "purge-me-Correct-Horse-42";
    /** Kept on purpose: the audit trail records what happened to an entry after it is gone. */
    private static final Set<String> KEPT = Set.of("audit_event");
    private static final Set<String> TEXT_TYPES = Set.of("uuid", "character varying", "varchar", "text", "character large object",
            "clob", "character");

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    /**
     * The server's own database, where a test can read it beside the server: the PostgreSQL
     * schema ({@link OnPostgresqlReferentialIntegrityIT}). The embedded H2 file is held by the
     * server alone; opening it beside the server needs H2's AUTO_SERVER, whose extra TCP listener
     * the default server must not have (ServerFootprintIT). Start the H2 server with
     * {@code -Dsignet.db.url=jdbc:h2:file:.../signet;AUTO_SERVER=TRUE -Dsignet.db.password=P} and give
     * this test {@code -Dsignet.test.h2.url} and {@code -Dsignet.test.h2.password} to read it too.
     */
    Optional<Connection> database() throws Exception {
        String h2 = System.getProperty("signet.test.h2.url");
        return h2 == null || h2.isBlank() ? Optional.empty()
                : Optional.of(DriverManager.getConnection(h2, "sa", System.getProperty("signet.test.h2.password", "")));
    }

    /** Every table (lower case) with a row whose UUID or text column holds {@code uuid}; empty where the database cannot be read. */
    private Optional<Set<String>> tablesNaming(String uuid) throws Exception {
        Optional<Connection> open = database();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        Set<String> naming = new TreeSet<>();
        try (Connection db = open.get()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement q = db.prepareStatement(
                    "select table_name, column_name, data_type from information_schema.columns where table_schema = ?")) {
                q.setString(1, db.getSchema());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        if (TEXT_TYPES.contains(rs.getString(3).toLowerCase(Locale.ROOT))) {
                            columns.add(new String[] {rs.getString(1), rs.getString(2)});
                        }
                    }
                }
            }
            assertTrue(columns.size() > 50, "read the columns of every table: " + columns.size());
            for (String[] column : columns) {
                try (PreparedStatement q = db.prepareStatement("select count(*) from \"" + column[0] + "\" where lower(cast(\""
                        + column[1] + "\" as varchar(100000))) like ?")) {
                    q.setString(1, "%" + uuid + "%");
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            naming.add(column[0].toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        return Optional.of(naming);
    }

    private static Set<String> withoutKept(Set<String> tables) {
        Set<String> left = new TreeSet<>(tables);
        left.removeAll(KEPT);
        return left;
    }

    @Test
    void purgeLeavesNoRowNamingThePurgedEntry() throws Exception {
        SignetApi idm = SignetApi.idmAdmin();
        String person = unique("gone");
        String group = unique("gonegrp");
        String parent = unique("parent");
        String service = unique("gonesvc");
        String client = unique("app");
        String personUuid = idm.post("/v1/person", attrs("name", person, "displayname", "Soon Gone")).expect(201).attr("uuid").get(0);
        String groupUuid = idm.post("/v1/group", attrs("name", group)).expect(201).attr("uuid").get(0);
        idm.createGroup(parent);
        String serviceUuid = idm.post("/v1/service_account", attrs("name", service, "displayname", "Soon Gone Too")).expect(201).attr("uuid").get(0);

        // the person: passwords (and so a history), mail, POSIX id, lock history, a reset intent, a session, a TOTP
        String path = "/v1/person/" + person;
        idm.post(path + "/_credential/_set_password", "{\"password\":\"" + PASSWORD + "\"}").expect(204);
        idm.post(path + "/_credential/_set_password", "{\"password\":\"" + PASSWORD + "-2\"}").expect(204);
        idm.post(path + "/_attr/mail", list(person + "@example.com")).expect(200);
        idm.post(path + "/_unix", "{}").expect(200);
        idm.post(path + "/_lock", "{\"reason\":\"leaving\"}").expect(204);
        idm.post(path + "/_unlock", "{}").expect(204);
        idm.post(path + "/_credential/_update_intent", "{\"ttl\":600}").expect(201);
        SignetApi self = SignetApi.login(person, PASSWORD + "-2");
        self.post("/v1/self/_credential/_totp", "{}").expect(201);
        // the group: members, inside another group, scope maps and a claim map of a client
        idm.post("/v1/group/" + group + "/_attr/member", list(person, service)).expect(200);
        idm.post("/v1/group/" + parent + "/_attr/member", list(group)).expect(200);
        idm.post("/v1/oauth2/_public", clientBody(client)).expect(201);
        idm.post("/v1/oauth2/" + client + "/_scopemap/" + group, "[\"openid\"]").expect(200);
        idm.post("/v1/oauth2/" + client + "/_sup_scopemap/" + group, "[\"groups\"]").expect(200);
        idm.post("/v1/oauth2/" + client + "/_claimmap/role/" + group, "[\"member\"]").expect(200);
        // ... and a RADIUS client's allowed groups
        String nas = unique("nas");
        idm.post("/v1/radius_client", "{\"attrs\":{\"name\":[\"" + nas + "\"],\"radius_address\":[\"10.0.1.100\"]}}").expect(201);
        idm.post("/v1/radius_client/" + nas + "/_attr/radius_group", list(group)).expect(200);
        // the service account: an API token
        idm.post("/v1/service_account/" + service + "/_api_token", "{\"label\":\"job\"}").expect(201);

        tablesNaming(personUuid).ifPresent(before -> assertTrue(before.containsAll(Set.of("entry", "entry_mail", "entry_memberof", "group_member",
                "password_history", "user_session", "reset_intent", "lock_event", "posix_id_used", "totp_credential", "value_claim")),
                "what names the person: " + before));
        tablesNaming(groupUuid).ifPresent(before -> assertTrue(before.containsAll(Set.of("entry", "group_member", "entry_memberof",
                "oauth2_scope_map", "oauth2_claim_map", "value_claim", "radius_client_group")), "what names the group: " + before));
        tablesNaming(serviceUuid).ifPresent(before -> assertTrue(before.contains("api_token"), "what names the service account: " + before));

        for (String[] entry : List.of(new String[] {"person", person, personUuid}, new String[] {"group", group, groupUuid},
                new String[] {"service_account", service, serviceUuid})) {
            idm.delete("/v1/" + entry[0] + "/" + entry[1]).expect(204);
            idm.delete("/v1/recycle_bin/" + entry[2]).expect(204);
        }

        tablesNaming(personUuid).ifPresent(after -> assertEquals(Set.of(), withoutKept(after), "rows still naming the purged person"));
        tablesNaming(groupUuid).ifPresent(after -> assertEquals(Set.of(), withoutKept(after), "rows still naming the purged group"));
        tablesNaming(serviceUuid).ifPresent(after -> assertEquals(Set.of(), withoutKept(after), "rows still naming the purged service account"));
        // what the API shows of them, on every database
        assertEquals(404, idm.get("/v1/person/" + personUuid).status());
        assertEquals(List.of(), idm.get("/v1/group/" + parent).expect(200).attr("member"), "the purged group left its parent");
        assertEquals(404, idm.post("/v1/recycle_bin/" + personUuid + "/_revive", "").status());
        SignetApi.Response read = idm.get("/v1/oauth2/" + client).expect(200);
        assertEquals(List.of(), read.attr("oauth2_rs_scope_map"));
        assertEquals(List.of(), read.attr("oauth2_rs_claim_map"));
        assertEquals(List.of(), idm.get("/v1/radius_client/" + nas).expect(200).attr("radius_group"), "the purged group left the RADIUS client");
        // the name and the POSIX id: the name is free again, the number never comes back
        String again = idm.post("/v1/person", attrs("name", person, "displayname", "Someone New")).expect(201).attr("uuid").get(0);
        assertTrue(!again.equals(personUuid));
    }

    private static String clientBody(String name) {
        return "{\"attrs\":{\"name\":[\"" + name + "\"],\"displayname\":[\"App\"],\"oauth2_rs_origin_landing\":[\"https://" + name
                + ".example.com/\"],\"oauth2_rs_origin\":[\"https://" + name + ".example.com/cb\"]}}";
    }

    /** Both requests sent at once; their statuses in order. */
    private static List<Integer> race(Supplier<Integer> first, Supplier<Integer> second) {
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> awaitThen(start, first));
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> awaitThen(start, second));
        start.countDown();
        return List.of(a.join(), b.join());
    }

    private static int awaitThen(CountDownLatch start, Supplier<Integer> request) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return request.get();
    }

    /**
     * Eight times, a fresh name asked for by two creations at once: one wins (201), the other is
     * told it is taken (409, never a 500), and exactly one of the two paths then holds it.
     */
    private static void raceForNames(SignetApi idm, Function<String, Integer> first, String firstPath,
                                     Function<String, Integer> second, String secondPath) {
        for (int round = 0; round < 8; round++) {
            String name = unique("race");
            List<Integer> statuses = race(() -> first.apply(name), () -> second.apply(name));
            assertEquals(List.of(201, 409), statuses.stream().sorted().toList(), "two racing creations of " + name);
            int holders = (idm.get(firstPath + name).status() == 200 ? 1 : 0) + (idm.get(secondPath + name).status() == 200 ? 1 : 0);
            assertEquals(1, holders, name + " is held once");
        }
    }

    @Test
    void anOAuth2ClientAndASyncAccountCannotTakeTheSameNameAtOnce() {
        SignetApi idm = SignetApi.idmAdmin();
        raceForNames(idm, name -> idm.post("/v1/oauth2/_public", clientBody(name)).status(), "/v1/oauth2/",
                name -> idm.post("/v1/sync_account", attrs("name", name)).status(), "/v1/sync_account/");
    }

    @Test
    void anOAuth2ClientAndAPersonCannotTakeTheSameNameAtOnce() {
        SignetApi idm = SignetApi.idmAdmin();
        raceForNames(idm, name -> idm.post("/v1/oauth2/_public", clientBody(name)).status(), "/v1/oauth2/",
                name -> idm.post("/v1/person", attrs("name", name, "displayname", "Racer")).status(), "/v1/person/");
    }

    @Test
    void aNameHeldByAnyKindIsRefusedToTheOthers() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("held");
        idm.post("/v1/sync_account", attrs("name", name)).expect(201);
        assertEquals("name", idm.post("/v1/person", attrs("name", name, "displayname", "X")).expect(409).object().getString("field"));
        assertEquals(409, idm.post("/v1/oauth2/_public", clientBody(name)).status());
        assertEquals(409, idm.post("/v1/group", attrs("name", name)).status());
    }
}
