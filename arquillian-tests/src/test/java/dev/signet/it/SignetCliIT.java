package dev.signet.it;

import static dev.signet.it.SignetApi.quote;
import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;

/**
 * The shipped {@code signet} client, run as a process against the real server, for every command
 * group: its output, its exit codes, and what the server holds afterwards (read over REST).
 * One HOME for the class, configured with the server's URL and CA; idm_admin and admin log in once
 * and the cached tokens serve every test.
 */
@ExtendWith(ArquillianExtension.class)
class SignetCliIT {
    private static final String PASSWORD = "a long enough passphrase 42";
    private static SignetCli cli;
    private static Path ca;

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    /** The class's HOME: ~/.config/signet/config names the server and its CA (fetched from /ca.pem); idm_admin and admin logged in. */
    private static synchronized SignetCli cli() throws IOException {
        if (cli == null) {
            Path home = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "signet-cli-home");
            ca = home.resolve("signet.pem");
            Files.writeString(ca, SignetApi.anonymous().get("/ca.pem").expect(200).body());
            Files.createDirectories(home.resolve(".config/signet"));
            Files.writeString(home.resolve(".config/signet/config"), "# as an operator writes it\nurl = " + SignetApi.base() + "\nca = " + ca + "\n");
            SignetCli signet = new SignetCli(home);
            signet.withInput(SignetApi.firstBootPassword("admin") + "\n", "login", "-D", "admin").ok();
            signet.withInput(SignetApi.firstBootPassword("idm_admin") + "\n", "login", "-D", "idm_admin").ok();
            cli = signet;
        }
        return cli;
    }

    /** Runs as idm_admin. */
    private static SignetCli.Result idm(String... args) throws IOException {
        return cli().run(Stream.concat(Stream.of("-D", "idm_admin"), Stream.of(args)).toArray(String[]::new));
    }

    private static JsonValue parse(String json) {
        return Json.createReader(new StringReader(json)).readValue();
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    @Test
    void theSeedRunbookRunsEndToEndAndTheAuditLogExportHasItsOperations() throws Exception {
        Instant start = Instant.now();
        String ldapBind = unique("ldap_bind");
        String jsmith = unique("jsmith");
        String developers = unique("developers");
        String myapp = unique("myapp");
        idm("service-account", "create", ldapBind, "LDAP Bind Account").ok();
        idm("group", "add-members", "idm_account_read_priv", ldapBind).ok();
        idm("person", "create", jsmith, "John Smith", "--mail", "john.smith@example.com").ok();
        idm("group", "create", developers).ok();
        idm("group", "add-members", developers, jsmith).ok();
        SignetCli.Result created = idm("oauth2", "create", myapp, "My Application", "--origin", "https://app.example.com").ok();
        idm("oauth2", "add-redirect-url", myapp, "https://app.example.com/callback").ok();
        idm("oauth2", "update-scope-map", myapp, developers, "openid", "email", "profile", "groups").ok();
        idm("account", "lock", jsmith, "--reason", "Offboarding").ok();

        SignetApi rest = SignetApi.idmAdmin();
        assertTrue(rest.get("/v1/service_account/" + ldapBind).expect(200).attr("memberof").stream().anyMatch(m -> m.startsWith("idm_account_read_priv")));
        SignetApi.Response person = rest.get("/v1/person/" + jsmith).expect(200);
        assertEquals(List.of("john.smith@example.com"), person.attr("mail"));
        assertEquals(List.of("true"), person.attr("locked"));
        assertEquals(List.of("Offboarding"), person.attr("lock_reason"));
        assertTrue(rest.get("/v1/group/" + developers + "/_attr/member").expect(200).body().contains(jsmith));
        SignetApi.Response client = rest.get("/v1/oauth2/" + myapp).expect(200);
        assertEquals(List.of("https://app.example.com"), client.attr("oauth2_rs_origin_landing"));
        assertEquals(List.of("https://app.example.com/callback"), client.attr("oauth2_rs_origin"));
        assertTrue(client.body().contains("openid") && client.body().contains(developers), client.body());
        // the confidential client's secret: printed once, on standard output, under a line on standard error
        String secret = created.out().lines().filter(l -> !l.startsWith("created")).findFirst().orElseThrow();
        assertTrue(created.err().contains("shown once"), created.err());
        assertFalse(Files.readString(cli().home().resolve(".cache/signet/tokens.json")).contains(secret));

        SignetCli.Result export = cli().run("-D", "admin", "audit-log", "export", "--since", "1 hour ago", "--format", "json").ok();
        JsonArray events = (JsonArray) parse(export.out());
        List<String> seen = new ArrayList<>();
        for (JsonValue e : events) {
            JsonObject event = e.asJsonObject();
            if (Instant.parse(event.getString("at")).isAfter(start.minusSeconds(1)) && "idm_admin".equals(event.getString("actor", ""))) {
                seen.add(event.getString("type") + "|" + event.getString("target", "") + "|" + event.getString("detail", ""));
            }
        }
        for (String[] expected : new String[][] {{"entry.create|" + ldapBind + "|"}, {"entry.modify|idm_account_read_priv|"},
                {"entry.create|" + jsmith + "|"}, {"entry.create|" + developers + "|"}, {"entry.modify|" + developers + "|"},
                {"oauth2.client.create|", myapp}, {"oauth2.client.scopemap|" + developers + "|", myapp}, {"account.lock|" + jsmith + "|", "Offboarding"}}) {
            assertTrue(seen.stream().anyMatch(s -> s.startsWith(expected[0]) && (expected.length == 1 || s.contains(expected[1]))),
                    String.join(" ", expected) + " in " + seen);
        }
    }

    @Test
    void aRefusalIsTheProblemOnOneLineWithExitCodeOne() throws Exception {
        String name = unique("taken");
        idm("person", "create", name, "First").ok();
        SignetCli.Result again = idm("person", "create", name, "Second").expect(1);
        assertTrue(again.line().startsWith("409 conflict: "), again.err());
        assertTrue(again.line().contains(name), again.err());
        assertEquals("", again.out());
        SignetCli.Result missing = idm("person", "get", unique("nobody")).expect(1);
        assertTrue(missing.line().startsWith("404 not found"), missing.err());
        SignetCli.Result denied = cli().withInput("not the password at all\n", "login", "-D", name).expect(1);
        assertEquals("login denied: authentication denied", denied.line());
    }

    @Test
    void aMissingArgumentIsOneUsageLineWithExitCodeTwo() throws Exception {
        SignetCli.Result missing = idm("person", "create", "jsmith").expect(2);
        assertEquals("usage: Missing required parameter: 'DISPLAYNAME' (see signet person create --help)", missing.line());
        SignetCli.Result unknown = idm("person", "frobnicate").expect(2);
        assertTrue(unknown.line().startsWith("usage: "), unknown.err());
        SignetCli.Result time = cli().run("-D", "admin", "audit-log", "export", "--since", "the other day").expect(2);
        assertTrue(time.line().startsWith("cannot read the time"), time.err());
    }

    @Test
    void anUnreachableServerIsOneLineWithExitCodeThree() throws Exception {
        SignetCli.Result refused = cli().withInput("x\n", "-H", "https://127.0.0.1:1", "login", "-D", "idm_admin").expect(3);
        assertTrue(refused.line().startsWith("cannot reach https://127.0.0.1:1: connection refused"), refused.err());
    }

    @Test
    void tlsIsVerifiedAndASelfSignedServerIsTrustedOnlyWithItsCa() throws Exception {
        cli();
        SignetCli fresh = new SignetCli(Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "signet-cli-bare"));
        String url = SignetApi.base().toString();
        SignetCli.Result untrusted = fresh.withInput(SignetApi.firstBootPassword("idm_admin") + "\n", "-H", url, "login", "-D", "idm_admin").expect(3);
        assertTrue(untrusted.line().startsWith("TLS: the certificate of " + url + " is not trusted"), untrusted.err());
        assertTrue(untrusted.line().contains("--ca"), untrusted.err());
        assertFalse(Files.exists(fresh.home().resolve(".cache/signet/tokens.json")), "no token without a login");

        fresh.withInput(SignetApi.firstBootPassword("idm_admin") + "\n", "-H", url, "--ca", ca.toString(), "login", "-D", "idm_admin").ok();
        SignetCli.Result whoami = fresh.run("-H", url, "--ca", ca.toString(), "self", "whoami").ok();
        assertTrue(lines(whoami.out()).contains("name: idm_admin"), whoami.out());
        // another certificate is no trust anchor for this server
        Path other = fresh.home().resolve("other.pem");
        Files.writeString(other, otherCertificate());
        SignetCli.Result wrong = fresh.run("-H", url, "--ca", other.toString(), "self", "whoami").expect(3);
        assertTrue(wrong.line().startsWith("TLS: the certificate of " + url + " does not chain to " + other), wrong.err());
    }

    /** A certificate that did not sign the server's: the first of the JDK's own trust anchors. */
    private static String otherCertificate() throws Exception {
        KeyStore cacerts = KeyStore.getInstance(new File(System.getProperty("java.home"), "lib/security/cacerts"),
                (char[]) null);
        Certificate certificate = cacerts.getCertificate(cacerts.aliases().nextElement());
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    @Test
    void irreversibleOperationsAskAndWithoutATerminalNeedYes() throws Exception {
        String name = unique("leaver");
        idm("person", "create", name, "Leaving Soon").ok();
        SignetCli.Result refused = idm("person", "delete", name).expect(1);
        assertTrue(refused.line().startsWith("This operation can NOT be undone"), refused.err());
        assertTrue(refused.line().contains("--yes"), refused.err());
        SignetApi rest = SignetApi.idmAdmin();
        rest.get("/v1/person/" + name).expect(200);

        idm("person", "delete", name, "--yes").ok();
        rest.get("/v1/person/" + name).expect(404);
        SignetCli.Result bin = idm("recycle-bin", "list").ok();
        assertTrue(bin.out().startsWith("NAME "), bin.out());
        assertTrue(lines(bin.out()).stream().anyMatch(l -> l.startsWith(name + " ")), bin.out());
        idm("recycle-bin", "revive", name).ok();
        rest.get("/v1/person/" + name).expect(200);
    }

    @Test
    void tokensAreCachedForTheOwnerOnlyAndNoSecretTheServerShowsIsEverWritten() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(SignetApi.firstBootPassword("admin"), SignetApi.firstBootPassword("idm_admin"), PASSWORD));
        String person = unique("cached");
        idm("person", "create", person, "Cached Person").ok();
        cli().withInput(PASSWORD + "\n", "-D", "idm_admin", "person", "credential", "set-password", person).ok();
        secrets.add(lastLine(idm("person", "credential", "create-reset-token", person).ok()));
        String bot = unique("bot");
        idm("service-account", "create", bot, "Bot").ok();
        secrets.add(lastLine(idm("service-account", "api-token", "generate", bot, "ci").ok()));
        String sync = unique("sync");
        idm("system", "sync", "create", sync).ok();
        secrets.add(lastLine(idm("system", "sync", "generate-token", sync, "mylabel").ok()));
        String app = unique("app");
        secrets.add(lastLine(idm("oauth2", "create", app, "App", "--origin", "https://app.example.com").ok()));
        secrets.add(lastLine(idm("oauth2", "reset-basic-secret", app).ok()));

        Path dir = cli().home().resolve(".cache/signet");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
                String content = Files.readString(file);
                for (String secret : secrets) {
                    assertTrue(secret.length() >= 12, secret);
                    assertFalse(content.contains(secret), file + " holds a secret");
                }
            }
        }
        assertTrue(Files.readString(dir.resolve("tokens.json")).contains("\"idm_admin\""), "the session tokens are cached");
    }

    @Test
    void aSecretAskedForWithoutTerminalOrInputEndsInOneLine() throws Exception {
        SignetCli.Result none = idm("person", "credential", "set-password", "idm_admin").expect(1);
        assertTrue(none.line().startsWith("no new password"), none.err());
    }

    private static String lastLine(SignetCli.Result result) {
        List<String> lines = lines(result.out());
        return lines.get(lines.size() - 1);
    }

    @Test
    void personCommandsChangeWhatTheServerHolds() throws Exception {
        String name = unique("pat");
        idm("person", "create", name, "Pat Example", "--mail", name + "@example.com", "--mail", name + "@alias.example.com").ok();
        SignetCli.Result got = idm("person", "get", name).ok();
        assertTrue(lines(got.out()).containsAll(List.of("name: " + name, "displayname: Pat Example", "mail: " + name + "@example.com")), got.out());

        SignetCli.Result table = idm("person", "list", "--filter", "mail=" + name + "@example.com").ok();
        List<String> rows = lines(table.out());
        assertEquals(2, rows.size(), table.out());
        assertTrue(rows.get(0).matches("NAME +DISPLAYNAME +MAIL +UUID"), rows.get(0));
        assertEquals(rows.get(0).indexOf("DISPLAYNAME"), rows.get(1).indexOf("Pat Example"), "aligned:\n" + table.out());
        JsonArray json = (JsonArray) parse(idm("-o", "json", "person", "list", "--filter", "name=" + name).ok().out());
        assertEquals(1, json.size());

        idm("person", "update", name, "--displayname", "Pat Renamed", "--legalname", "Patricia Example").ok();
        idm("person", "posix", "set", name, "--shell", "/bin/zsh").ok();
        idm("person", "ssh", "add-publickey", name, "laptop", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGsz0fXm3pN1eQ5LlZ2aVqj8N3c1i9v8gY0k2Xx1d7nH pat@laptop").ok();
        assertTrue(idm("person", "ssh", "list-publickeys", name).ok().out().startsWith("laptop: ssh-ed25519 "));
        idm("person", "validity", "expire-at", name, "2030-01-01T00:00:00Z").ok();
        idm("person", "validity", "begin-from", name, "2020-01-01T00:00:00Z").ok();
        SignetCli.Result validity = idm("person", "validity", "show", name).ok();
        assertTrue(validity.out().contains("expire: 2030-01-01T00:00:00Z"), validity.out());

        SignetApi rest = SignetApi.idmAdmin();
        SignetApi.Response entry = rest.get("/v1/person/" + name).expect(200);
        assertEquals(List.of("Pat Renamed"), entry.attr("displayname"));
        assertEquals(List.of("/bin/zsh"), entry.attr("loginshell"));
        assertFalse(entry.attr("gidnumber").isEmpty());
        assertTrue(idm("person", "posix", "show", name).ok().out().contains("gidnumber: " + entry.attr("gidnumber").get(0)));
        assertEquals(1, entry.attr("ssh_publickey").size());
        assertTrue(entry.attr("account_expire").get(0).startsWith("2030-01-01T00:00"), entry.body());

        idm("person", "ssh", "delete-publickey", name, "laptop").ok();
        idm("person", "validity", "expire-at", name, "never").ok();
        idm("person", "account", "lock", name, "--reason", "holiday").ok();
        assertEquals(List.of("true"), rest.get("/v1/person/" + name).expect(200).attr("locked"));
        idm("person", "account", "unlock", name).ok();
        entry = rest.get("/v1/person/" + name).expect(200);
        assertEquals(List.of(), entry.attr("ssh_publickey"));
        assertEquals(List.of(), entry.attr("account_expire"));
        assertFalse(entry.attr("locked").contains("true"));

        cli().withInput(PASSWORD + "\n", "-D", "idm_admin", "person", "credential", "set-password", name).ok();
        assertTrue(SignetApi.authenticate(name, PASSWORD).containsKey("success"), "the password set works");
        idm("person", "credential", "reset-lockout", name).ok();
        SignetCli.Result reset = idm("person", "credential", "create-reset-token", name, "--ttl", "600").ok();
        assertTrue(reset.out().startsWith("reset token for " + name), reset.out());
        SignetApi.anonymous().post("/v1/credential/_exchange_intent", "{\"token\":" + quote(lastLine(reset)) + "}").expect(200);
    }

    @Test
    void groupCommandsManageMembersPosixAndAccountPolicy() throws Exception {
        String group = unique("team");
        String a = unique("ann");
        String b = unique("bob");
        idm("person", "create", a, "Ann").ok();
        idm("person", "create", b, "Bob").ok();
        idm("group", "create", group, "--description", "the team").ok();
        idm("group", "add-members", group, a, b).ok();
        assertEquals(2, lines(idm("group", "list-members", group).ok().out()).size());
        idm("group", "remove-members", group, b).ok();
        List<String> members = lines(idm("group", "list-members", group).ok().out());
        assertEquals(1, members.size(), members.toString());
        assertTrue(members.get(0).startsWith(a), members.toString());
        idm("group", "set-members", group, b).ok();
        idm("group", "posix", "set", group, "--gidnumber", String.valueOf(200_000 + (int) (Math.random() * 100_000))).ok();
        idm("group", "account-policy", "password-minimum-length", group, "20").ok();
        idm("group", "account-policy", "credential-type-minimum", group, "mfa").ok();

        SignetApi rest = SignetApi.idmAdmin();
        SignetApi.Response entry = rest.get("/v1/group/" + group).expect(200);
        assertTrue(entry.attr("member").stream().allMatch(m -> m.startsWith(b)) && entry.attr("member").size() == 1, entry.body());
        assertFalse(entry.attr("gidnumber").isEmpty());
        assertEquals(List.of("20"), entry.attr("auth_password_minimum_length"));
        assertEquals(List.of("mfa"), entry.attr("credential_type_minimum"));
        assertTrue(idm("group", "get", group).ok().out().contains("description: the team"));
        assertTrue(lines(idm("group", "list").ok().out()).stream().anyMatch(l -> l.startsWith(group + " ")));

        idm("group", "account-policy", "reset-password-minimum-length", group).ok();
        idm("group", "account-policy", "reset-credential-type-minimum", group).ok();
        entry = rest.get("/v1/group/" + group).expect(200);
        assertEquals(List.of(), entry.attr("auth_password_minimum_length"));
        assertEquals(List.of(), entry.attr("credential_type_minimum"));
        idm("group", "purge-members", group, "--yes").ok();
        assertEquals(List.of(), rest.get("/v1/group/" + group).expect(200).attr("member"));
        idm("group", "delete", group, "--yes").ok();
        rest.get("/v1/group/" + group).expect(404);
    }

    @Test
    void serviceAccountApiTokensWorkUntilDestroyed() throws Exception {
        String bot = unique("robot");
        idm("service-account", "create", bot, "Robot", "--description", "builds things").ok();
        assertTrue(idm("service-account", "get", bot).ok().out().contains("displayname: Robot"));
        assertTrue(lines(idm("service-account", "list").ok().out()).stream().anyMatch(l -> l.startsWith(bot + " ")));
        SignetCli.Result generated = idm("service-account", "api-token", "generate", bot, "deploy", "--expiry", "2030-01-01", "--rw").ok();
        String token = lastLine(generated);
        assertTrue(generated.err().contains("read-write"), generated.err());
        SignetApi.withToken(token).get("/v1/self").expect(200);

        SignetCli.Result status = idm("service-account", "api-token", "status", bot).ok();
        List<String> rows = lines(status.out());
        assertTrue(rows.get(0).matches("ID +LABEL +CREATED +EXPIRY +READ_WRITE"), rows.get(0));
        assertTrue(rows.get(1).contains(" deploy ") && rows.get(1).endsWith("true"), rows.get(1));
        String id = rows.get(1).split(" +")[0];
        JsonArray json = (JsonArray) parse(idm("-o", "json", "service-account", "api-token", "status", bot).ok().out());
        assertTrue(json.getJsonObject(0).getString("expiry").startsWith("20"), json.toString());

        idm("service-account", "api-token", "destroy", bot, id).ok();
        SignetApi.withToken(token).get("/v1/self").expect(401);
        idm("service-account", "delete", bot, "--yes").ok();
        SignetApi.idmAdmin().get("/v1/service_account/" + bot).expect(404);
    }

    @Test
    void oauth2CommandsConfigureClients() throws Exception {
        String pub = unique("spa");
        String conf = unique("web");
        String group = unique("users");
        idm("group", "create", group).ok();
        SignetCli.Result createdPublic = idm("oauth2", "create-public", pub, "Single Page", "--origin", "https://spa.example.com").ok();
        assertEquals("created OAuth2 client " + pub + "\n", createdPublic.out(), "a public client has no secret to show");
        idm("system", "oauth2", "create", conf, "Web App", "--origin", "https://web.example.com").ok();
        idm("oauth2", "add-redirect-url", pub, "https://spa.example.com/cb").ok();
        idm("oauth2", "add-redirect-url", pub, "https://spa.example.com/other").ok();
        idm("oauth2", "remove-redirect-url", pub, "https://spa.example.com/other").ok();
        idm("oauth2", "update-scope-map", pub, group, "openid", "profile").ok();
        idm("oauth2", "update-sup-scope-map", pub, group, "email").ok();
        idm("oauth2", "update-claim-map", pub, "role", group, "reader", "writer").ok();
        idm("oauth2", "set-token-lifetime", conf, "--access", "600", "--refresh", "7200").ok();
        SignetCli.Result pkce = idm("oauth2", "disable-pkce", conf).ok();
        assertTrue(pkce.err().startsWith("WARNING: "), pkce.err());
        idm("oauth2", "rotate-keys", conf).ok();
        String secret = lastLine(idm("oauth2", "reset-basic-secret", conf).ok());
        assertTrue(secret.length() >= 32, secret);

        SignetApi rest = SignetApi.idmAdmin();
        SignetApi.Response p = rest.get("/v1/oauth2/" + pub).expect(200);
        assertEquals(List.of("https://spa.example.com/cb"), p.attr("oauth2_rs_origin"));
        assertTrue(p.body().contains("reader") && p.body().contains("email"), p.body());
        SignetApi.Response c = rest.get("/v1/oauth2/" + conf).expect(200);
        assertEquals(List.of("600"), c.attr("oauth2_access_token_expiry"));
        assertEquals(List.of("7200"), c.attr("oauth2_refresh_token_expiry"));
        assertEquals(List.of("true"), c.attr("oauth2_allow_insecure_client_disable_pkce"));
        SignetCli.Result get = idm("oauth2", "get", conf).ok();
        assertTrue(lines(get.out()).contains("oauth2_rs_origin_landing: https://web.example.com"), get.out());
        assertFalse(get.out().contains(secret), "a secret is shown once");
        assertTrue(lines(idm("oauth2", "list").ok().out()).stream().anyMatch(l -> l.startsWith(conf + " ")));

        idm("oauth2", "delete-claim-map", pub, "role", group).ok();
        idm("oauth2", "delete-sup-scope-map", pub, group).ok();
        idm("oauth2", "delete-scope-map", pub, group).ok();
        assertFalse(rest.get("/v1/oauth2/" + pub).expect(200).body().contains(group));
        idm("oauth2", "delete", conf, "--yes").ok();
        rest.get("/v1/oauth2/" + conf).expect(404);
    }

    @Test
    void syncCommandsRunFollowFinaliseAndTerminate() throws Exception {
        String sync = unique("ipa");
        idm("system", "sync", "create", sync, "the old directory").ok();
        String token = lastLine(idm("system", "sync", "generate-token", sync, "mylabel").ok());
        SignetApi.withToken(token).get("/scim/v1/Sync").expect(200);
        idm("system", "sync", "destroy-token", sync).ok();
        SignetApi.withToken(token).get("/scim/v1/Sync").expect(401);
        idm("system", "sync", "set-yield-attributes", sync, "displayname", "mail").ok();
        // a source nothing listens on: the test, and a run followed to its end, say where it failed
        String bindPassword = "bind secret " + unique("");
        cli().withInput(bindPassword + "\n", "-D", "idm_admin", "system", "sync", "ldap", "set", sync, "--ldap-url", "ldaps://127.0.0.1:1",
                "--bind-dn", "cn=reader,dc=example,dc=com", "--base-dn", "dc=example,dc=com").ok();
        idm("system", "sync", "schedule", "set", sync, "0 3 * * *").ok();
        SignetApi rest = SignetApi.idmAdmin();
        SignetApi.Response account = rest.get("/v1/sync_account/" + sync).expect(200);
        assertEquals(List.of("displayname", "mail"), account.attr("sync_yield_authority").stream().sorted().toList());
        assertEquals(List.of("0 3 * * *"), account.attr("sync_schedule"));
        idm("system", "sync", "schedule", "clear", sync).ok();
        assertEquals(List.of(), rest.get("/v1/sync_account/" + sync).expect(200).attr("sync_schedule"));
        assertTrue(idm("system", "sync", "get", sync).ok().out().contains("description: the old directory"));
        assertTrue(lines(idm("system", "sync", "list").ok().out()).stream().anyMatch(l -> l.startsWith(sync + " ")));

        SignetCli.Result source = idm("system", "sync", "ldap", "get", sync).ok();
        assertTrue(lines(source.out()).contains("url: ldaps://127.0.0.1:1"), source.out());
        assertFalse(source.out().contains(bindPassword));
        SignetCli.Result test = idm("system", "sync", "ldap", "test", sync).expect(1);
        assertTrue(test.out().startsWith("failed at connect"), test.out());
        SignetCli.Result run = idm("system", "sync", "run", sync).expect(1);
        assertTrue(run.out().startsWith("run ") && run.out().contains(" FAILED: read 0"), run.out());
        assertTrue(lines(run.out()).size() >= 2, "the report follows the counts: " + run.out());
        assertTrue(run.line().endsWith("failed"), run.err());
        SignetCli.Result runs = idm("system", "sync", "runs", sync).ok();
        assertTrue(lines(runs.out()).get(1).contains(" FAILED "), runs.out());

        SignetCli.Result finalised = idm("system", "sync", "finalise", sync, "--yes").ok();
        assertEquals("finalised " + sync + ": 0 entries are local now\n", finalised.out());
        assertEquals(List.of("true"), rest.get("/v1/sync_account/" + sync).expect(200).attr("sync_finalised"));
        String other = unique("ad");
        idm("system", "sync", "create", other).ok();
        SignetCli.Result refused = idm("system", "sync", "terminate", other).expect(1);
        assertTrue(refused.line().startsWith("This operation can NOT be undone"), refused.err());
        idm("system", "sync", "terminate", other, "--yes").ok();
        rest.get("/v1/sync_account/" + other).expect(404);
    }

    @Test
    void selfServiceSessionsReauthAndLogout() throws Exception {
        String name = unique("selfie");
        SignetApi.idmAdmin().createPersonWithPassword(name, PASSWORD);
        SignetCli me = cli();
        assertEquals("logged in as " + name + " on " + SignetApi.base() + " (read-write for the first minutes; signet reauth opens it again)\n",
                me.withInput(PASSWORD + "\n", "login", "-D", name).ok().out());
        assertTrue(lines(me.run("-D", name, "self", "whoami").ok().out()).contains("name: " + name));

        // TOTP: the URI comes first on standard output; the app's code for it goes in on standard input
        SignetCli.Result totp = me.interact(uri -> {
            try {
                return MultiFactorIT.code(uri, Instant.now()) + "\n";
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "", "-D", name, "self", "totp", "add", "--label", "phone");
        totp.ok();
        assertTrue(totp.out().startsWith("otpauth://totp/"), totp.out());
        Matcher active = Pattern.compile("TOTP authenticator (\\S+) active").matcher(totp.err());
        assertTrue(active.find(), totp.err());
        List<String> codes = lines(me.run("-D", name, "self", "backup-codes").ok().out());
        assertEquals(8, codes.size(), codes.toString());

        SignetCli.Result mfa = me.withInput(codes.get(0) + "\n" + PASSWORD + "\n", "login", "-D", name).ok();
        assertTrue(mfa.err().contains(name + " logs in with a password and a TOTP code (or a backup code)"), mfa.err());
        String newPassword = "another long passphrase 99";
        me.withInput(newPassword + "\n", "-D", name, "self", "set-password").ok();
        me.withInput(codes.get(1) + "\n" + newPassword + "\n", "login", "-D", name).ok();
        me.run("-D", name, "self", "totp", "remove", active.group(1)).ok();
        assertTrue(SignetApi.authenticate(name, newPassword).containsKey("success"), "a password alone again, the new one");

        SignetCli.Result sessions = me.run("-D", name, "session", "list").ok();
        assertTrue(lines(sessions.out()).get(0).matches("ID +ISSUED +EXPIRES +READ_WRITE_UNTIL +SOURCE"), sessions.out());
        assertTrue(lines(sessions.out()).size() >= 2, "the session listing itself at least: " + sessions.out());

        // a read-only session in the cache: a change says to reauthenticate, and after reauth it is made
        cacheToken(name, readOnlyToken(name, newPassword));
        String third = "a third long passphrase 77";
        SignetCli.Result readOnly = me.withInput(third + "\n", "-D", name, "self", "set-password").expect(1);
        assertTrue(readOnly.line().startsWith("403 forbidden: this session is read-only"), readOnly.err());
        assertTrue(readOnly.line().endsWith("run signet reauth -D " + name + " first"), readOnly.err());
        me.withInput(newPassword + "\n", "reauth", "-D", name).ok();
        me.withInput(third + "\n", "-D", name, "self", "set-password").ok();
        assertTrue(SignetApi.authenticate(name, third).containsKey("success"), "changed once reauthenticated");

        String token = cachedToken(name);
        me.run("-D", name, "logout").ok();
        SignetApi.withToken(token).get("/v1/self").expect(401);
        SignetCli.Result gone = me.run("-D", name, "self", "whoami").expect(1);
        assertEquals("not logged in as " + name + " on " + SignetApi.base() + " (or the session expired): run signet login -D " + name, gone.line());
    }

    @Test
    void onATerminalSignetAsksBeforeAnIrreversibleOperationAndForReauthentication() throws Exception {
        String name = unique("keeper");
        idm("person", "create", name, "Kept").ok();
        SignetCli.Result no = cli().runOnTerminal("n\n", "-D", "idm_admin", "person", "delete", name).expect(1);
        assertTrue(no.out().contains("This operation can NOT be undone. Continue? [y/N]"), no.out());
        assertTrue(no.out().contains("not confirmed; nothing was changed"), no.out());
        SignetApi rest = SignetApi.idmAdmin();
        rest.get("/v1/person/" + name).expect(200);
        cli().runOnTerminal("y\n", "-D", "idm_admin", "person", "delete", name).ok();
        rest.get("/v1/person/" + name).expect(404);

        String user = unique("window");
        rest.createPersonWithPassword(user, PASSWORD);
        cli().withInput(PASSWORD + "\n", "login", "-D", user).ok();
        cacheToken(user, readOnlyToken(user, PASSWORD));
        // typed: the new password twice, then the current one when signet asks to reauthenticate
        String changed = "a changed long passphrase 31";
        SignetCli.Result reauth = cli().runOnTerminal(changed + "\n" + changed + "\n" + PASSWORD + "\n", "-D", user, "self", "set-password").ok();
        assertTrue(reauth.out().contains("This change needs the read-write window: reauthenticate as " + user), reauth.out());
        assertTrue(reauth.out().contains("Password for " + user + ":"), reauth.out());
        assertTrue(reauth.out().contains("password changed"), reauth.out());
        assertTrue(SignetApi.authenticate(user, changed).containsKey("success"), "the change was made after the reauthentication");
    }

    /** A plain init (not init2 privileged): a read-only session, as a session is once its window has closed. */
    private static String readOnlyToken(String name, String password) {
        SignetApi.Response init = SignetApi.anonymous().send("POST", "/v1/auth", "{\"step\":{\"init\":" + quote(name) + "}}", null).expect(200);
        String session = init.header(SignetApi.SESSION_HEADER);
        SignetApi.anonymous().send("POST", "/v1/auth", "{\"step\":{\"begin\":\"password\"}}", session).expect(200);
        return SignetApi.anonymous().send("POST", "/v1/auth", "{\"step\":{\"cred\":{\"password\":" + quote(password) + "}}}", session)
                .expect(200).object().getJsonObject("state").getString("success");
    }

    private static Path tokens() throws IOException {
        return cli().home().resolve(".cache/signet/tokens.json");
    }

    private static String cachedToken(String name) throws IOException {
        JsonObject all = (JsonObject) parse(Files.readString(tokens()));
        return all.getJsonObject(SignetApi.base().toString()).getJsonObject("tokens").getString(name);
    }

    private static synchronized void cacheToken(String name, String token) throws IOException {
        JsonObject all = (JsonObject) parse(Files.readString(tokens()));
        JsonObject server = all.getJsonObject(SignetApi.base().toString());
        JsonObject tokens = Json.createObjectBuilder(server.getJsonObject("tokens")).add(name, token).build();
        Files.writeString(tokens(), Json.createObjectBuilder(all)
                .add(SignetApi.base().toString(), Json.createObjectBuilder(server).add("tokens", tokens)).build().toString());
    }

    @Test
    void theAuditLogExportsAsNdjsonAndCsvFilteredByType() throws Exception {
        String group = unique("audited");
        idm("group", "create", group).ok();
        SignetCli.Result ndjson = cli().run("-D", "admin", "audit-log", "export", "--since", "10 minutes ago", "--type", "entry.create", "--format", "ndjson").ok();
        List<String> events = lines(ndjson.out());
        assertFalse(events.isEmpty());
        for (String line : events) {
            assertEquals("entry.create", ((JsonObject) parse(line)).getString("type"), line);
        }
        assertTrue(events.stream().anyMatch(l -> l.contains("\"target\":\"" + group + "\"")), ndjson.out());
        SignetCli.Result csv = cli().run("-D", "admin", "audit-log", "export", "--since", "10 minutes ago", "--type", "entry.create", "--format", "csv").ok();
        List<String> rows = lines(csv.out());
        assertEquals("id,at,type,outcome,actor,actor_uuid,target,target_uuid,source,detail", rows.get(0));
        assertEquals(events.size() + 1, rows.size(), csv.out());
        assertTrue(rows.stream().anyMatch(r -> r.contains(",entry.create,") && r.contains("," + group + ",")), csv.out());
        SignetCli.Result notAdmin = cli().run("-D", "idm_admin", "audit-log", "export", "--since", "1 hour ago").expect(1);
        assertTrue(notAdmin.line().startsWith("403 forbidden"), notAdmin.err());
    }

    @Test
    void radiusClientsAndPeoplesRadiusSecretsAreManagedFromTheClient() throws Exception {
        String wifi = unique("wifi");
        String users = unique("wifi_users");
        String jsmith = unique("jsmith");
        SignetApi rest = SignetApi.idmAdmin();
        idm("group", "create", users).ok();
        idm("person", "create", jsmith, "John Smith").ok();

        idm("radius-client", "create", wifi, "--address", "10.0.1.100", "--address", "10.0.2.7/24", "--displayname", "Wireless Controller").ok();
        SignetApi.Response created = rest.get("/v1/radius_client/" + wifi).expect(200);
        assertEquals(List.of("10.0.1.100", "10.0.2.0/24"), created.attr("radius_address"));
        assertEquals(List.of("Wireless Controller"), created.attr("displayname"));
        assertTrue(idm("radius-client", "get", wifi).ok().out().contains("10.0.2.0/24"));
        assertTrue(idm("radius-client", "list").ok().out().contains(wifi));

        SignetCli.Result secret = idm("radius-client", "generate-secret", wifi).ok();
        String shared = secret.out().trim();
        assertTrue(shared.length() >= 32 && !shared.contains("\n"), secret.out());
        assertTrue(secret.err().contains("shown once"), secret.err());
        assertFalse(rest.get("/v1/radius_client/" + wifi).expect(200).body().contains(shared));

        idm("radius-client", "add-group", wifi, users).ok();
        assertTrue(rest.get("/v1/radius_client/" + wifi).expect(200).attr("radius_group").stream().anyMatch(g -> g.startsWith(users)),
                rest.get("/v1/radius_client/" + wifi).body());
        idm("radius-client", "remove-group", wifi, users).ok();
        assertEquals(List.of(), rest.get("/v1/radius_client/" + wifi).expect(200).attr("radius_group"));

        String generated = idm("person", "radius", "generate-secret", jsmith).ok().out().trim();
        assertTrue(generated.matches("[^-\\s]{5}(-[^-\\s]{5}){3}"), generated);
        assertEquals(generated, rest.get("/v1/person/" + jsmith + "/_radius").expect(200).object().getString("secret"));
        assertEquals(generated, idm("person", "radius", "show-secret", jsmith).ok().out().trim());
        idm("person", "radius", "delete-secret", jsmith).ok();
        rest.get("/v1/person/" + jsmith + "/_radius").expect(404);
        assertTrue(idm("person", "radius", "show-secret", jsmith).code() != 0, "nothing left to show");

        idm("radius-client", "delete", "-y", wifi).ok();
        rest.get("/v1/radius_client/" + wifi).expect(404);
    }
}
