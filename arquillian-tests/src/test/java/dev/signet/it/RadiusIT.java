package dev.signet.it;

import static dev.signet.it.SignetApi.attrs;
import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The RADIUS server on 1812/1813 with Debian's FreeRADIUS clients ({@code radtest},
 * {@code radclient}), wpa_supplicant's {@code eapol_test} for the EAP methods (it checks the
 * MPPE keys against the MSK it derived), and raw datagrams for what those clients cannot send. One RADIUS client
 * (the loopback, 127.0.0.1) serves every test; each test makes its own people.
 */
@ExtendWith(ArquillianExtension.class)
class RadiusIT {
    private static final String SERVER = "127.0.0.1";
    private static final int AUTH = 1812;
    private static final int ACCT = 1813;
    private static final int VLAN = 100;

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    /** The loopback's RADIUS client, its secret, and the group whose members may log in through it. */
    record Nas(String secret, String wifiUsers) {
    }

    private static Nas nas;

    static synchronized Nas nas() {
        if (nas == null) {
            SignetApi idm = SignetApi.idmAdmin();
            String wifiUsers = unique("wifi_users");
            idm.createGroup(wifiUsers);
            idm.patch("/v1/group/" + wifiUsers, "{\"attrs\":{\"radius_vlan\":[\"" + VLAN + "\"],"
                    + "\"radius_reply_attribute\":[\"Cisco-AVPair=shell:priv-lvl=15\"]}}").expect(200);
            String name = unique("wifi");
            idm.post("/v1/radius_client", "{\"attrs\":{\"name\":[\"" + name + "\"],\"displayname\":[\"Wireless Controller\"],"
                    + "\"radius_address\":[\"127.0.0.1\"]}}").expect(201);
            idm.post("/v1/radius_client/" + name + "/_attr/radius_group", "[\"" + wifiUsers + "\"]").expect(200);
            String secret = idm.post("/v1/radius_client/" + name + "/_generate_secret", "{}").expect(200).object().getString("secret");
            nas = new Nas(secret, wifiUsers);
        }
        return nas;
    }

    /** A person with a RADIUS secret, in the client's group unless {@code member} is false. */
    record Person(String name, String secret) {
    }

    static Person person(boolean member) {
        Nas nas = nas();
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("radius");
        idm.createPerson(name);
        String secret = idm.post("/v1/person/" + name + "/_radius", "{}").expect(200).object().getString("secret");
        if (member) {
            idm.post("/v1/group/" + nas.wifiUsers() + "/_attr/member", "[\"" + name + "\"]").expect(200);
        }
        return new Person(name, secret);
    }

    record Run(int exit, String output) {
    }

    static Run run(String input, String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + ": " + out);
        return new Run(process.exitValue(), out);
    }

    static Run radtest(String method, String user, String password, String secret) throws Exception {
        return run(null, "radtest", "-t", method, user, password, SERVER + ":" + AUTH, "0", secret);
    }

    /** radclient once, waiting one second for an answer (no retries). */
    static Run radclient(String input, int port, String command, String secret) throws Exception {
        return run(input, "radclient", "-x", "-t", "1", "-r", "1", SERVER + ":" + port, command, secret);
    }

    private static List<JsonObject> audit(String type, String target, Instant since) {
        return SignetApi.admin().get("/v1/audit?type=" + type + "&since=" + since).expect(200).array().getValuesAs(JsonObject.class).stream()
                .filter(e -> target.equals(e.getString("target", ""))).toList();
    }

    @Test
    void papIsAcceptedWithTheGroupsVlanAndReplyAttributes() throws Exception {
        Person person = person(true);
        Instant start = Instant.now();
        Run run = radtest("pap", person.name(), person.secret(), nas().secret());
        assertTrue(run.output().contains("Received Access-Accept"), run.output());
        assertTrue(run.output().contains("Tunnel-Type:0 = VLAN"), run.output());
        assertTrue(run.output().contains("Tunnel-Medium-Type:0 = IEEE-802"), run.output());
        assertTrue(run.output().contains("Tunnel-Private-Group-Id:0 = \"" + VLAN + "\""), run.output());
        assertTrue(run.output().contains("Cisco-AVPair = \"shell:priv-lvl=15\""), run.output());
        assertTrue(run.output().contains("User-Name = \"" + person.name() + "\""), run.output());
        List<JsonObject> rows = audit("radius.auth", person.name(), start);
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("success", rows.get(0).getString("outcome"));
        assertTrue(rows.get(0).getString("detail").contains("pap from 127.0.0.1"), rows.toString());
    }

    @Test
    void aWrongRadiusSecretIsRejectedAndTheAuditSaysWhy() throws Exception {
        Person person = person(true);
        Instant start = Instant.now();
        Run run = radtest("pap", person.name(), person.secret() + "x", nas().secret());
        assertTrue(run.output().contains("Received Access-Reject"), run.output());
        assertFalse(run.output().contains("Reply-Message"), "the Reject tells nothing: " + run.output());
        List<JsonObject> rows = audit("radius.auth", person.name(), start);
        assertEquals("failure", rows.get(0).getString("outcome"));
        assertTrue(rows.get(0).getString("detail").endsWith("wrong RADIUS secret"), rows.toString());
    }

    @Test
    void aPersonOutsideTheClientsGroupsIsRejected() throws Exception {
        Person person = person(false);
        Instant start = Instant.now();
        assertTrue(radtest("pap", person.name(), person.secret(), nas().secret()).output().contains("Received Access-Reject"));
        assertTrue(audit("radius.auth", person.name(), start).get(0).getString("detail").endsWith("not a member of any of the client's groups"));
    }

    @Test
    void aLockedPersonIsRejected() throws Exception {
        Person person = person(true);
        SignetApi.idmAdmin().post("/v1/person/" + person.name() + "/_lock", "{\"reason\":\"left\"}").expect(204);
        Instant start = Instant.now();
        assertTrue(radtest("pap", person.name(), person.secret(), nas().secret()).output().contains("Received Access-Reject"));
        assertTrue(audit("radius.auth", person.name(), start).get(0).getString("detail").endsWith("account locked"));
    }

    @Test
    void chapIsAcceptedAgainstTheRadiusSecret() throws Exception {
        Person person = person(true);
        Run run = radtest("chap", person.name(), person.secret(), nas().secret());
        assertTrue(run.output().contains("Received Access-Accept"), run.output());
        assertTrue(radtest("chap", person.name(), person.secret().toUpperCase(), nas().secret()).output().contains("Received Access-Reject"));
    }

    @Test
    void aWrongSharedSecretGetsNoAnswer() throws Exception {
        Person person = person(true);
        Run run = radclient("User-Name = \"" + person.name() + "\"\nUser-Password = \"" + person.secret() + "\"\nMessage-Authenticator = 0x00\n",
                AUTH, "auth", "not-the-shared-secret");
        assertFalse(run.output().contains("Received Access"), run.output());
        assertTrue(run.output().contains("No reply from server"), run.output());
        assertTrue(dropsCounted("bad_authenticator"));
    }

    @Test
    void statusServerIsAnsweredOnBothPorts() throws Exception {
        Run auth = radclient("Message-Authenticator = 0x00\n", AUTH, "status", nas().secret());
        assertTrue(auth.output().contains("Received Access-Accept"), auth.output());
        Run acct = radclient("Message-Authenticator = 0x00\n", ACCT, "status", nas().secret());
        assertTrue(acct.output().contains("Received Accounting-Response"), acct.output());
    }

    @Test
    void accountingStartAndStopAreAnsweredAndAudited() throws Exception {
        Person person = person(true);
        Instant start = Instant.now();
        String session = unique("session");
        Run begin = radclient("User-Name = \"" + person.name() + "\"\nAcct-Status-Type = Start\nAcct-Session-Id = \"" + session + "\"\n"
                + "Calling-Station-Id = \"02-00-00-00-00-01\"\n", ACCT, "acct", nas().secret());
        assertTrue(begin.output().contains("Received Accounting-Response"), begin.output());
        Run end = radclient("User-Name = \"" + person.name() + "\"\nAcct-Status-Type = Stop\nAcct-Session-Id = \"" + session + "\"\n"
                + "Acct-Session-Time = 42\n", ACCT, "acct", nas().secret());
        assertTrue(end.output().contains("Received Accounting-Response"), end.output());
        assertTrue(audit("radius.accounting.start", person.name(), start).get(0).getString("detail").contains(session));
        assertTrue(audit("radius.accounting.stop", person.name(), start).get(0).getString("detail").endsWith("42 s"));
    }

    @Test
    void theRegistryTakesAddressesAndCidrsRefusesNamesAndNeverShowsTheSecret() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("vpn");
        Instant start = Instant.now();
        SignetApi.Response created = idm.post("/v1/radius_client", "{\"attrs\":{\"name\":[\"" + name + "\"],"
                + "\"radius_address\":[\"192.0.2.10\",\"198.51.100.77/24\"]}}").expect(201);
        assertEquals(List.of("192.0.2.10", "198.51.100.0/24"), created.attr("radius_address"));
        assertEquals(List.of("true"), created.attr("require_message_authenticator"), "BlastRADIUS-safe by default");
        assertEquals("radius_address", idm.patch("/v1/radius_client/" + name, "{\"attrs\":{\"radius_address\":[\"vpn.example.com\"]}}")
                .expect(400).object().getString("field"));
        String secret = idm.post("/v1/radius_client/" + name + "/_generate_secret", "{}").expect(200).object().getString("secret");
        assertTrue(secret.length() >= 32, secret);
        assertFalse(idm.get("/v1/radius_client/" + name).expect(200).body().contains(secret), "shown once");
        assertFalse(idm.get("/v1/radius_client").expect(200).body().contains(secret));
        idm.patch("/v1/radius_client/" + name, "{\"attrs\":{\"radius_session_timeout\":[\"3600\"]}}").expect(200);
        idm.delete("/v1/radius_client/" + name).expect(204);
        idm.get("/v1/radius_client/" + name).expect(404);
        List<String> types = SignetApi.admin().get("/v1/audit?since=" + start).expect(200).array().getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("detail", "").contains("client " + name)).map(e -> e.getString("type")).toList();
        assertEquals(List.of("radius.client.create", "radius.client.secret", "radius.client.modify", "radius.client.delete"), types);
    }

    @Test
    void onlyRadiusAdminsSeeTheRegistry() {
        Person person = person(true);
        String password = "a long passphrase for radius 9";
        SignetApi.idmAdmin().post("/v1/person/" + person.name() + "/_credential/_set_password", "{\"password\":\"" + password + "\"}").expect(204);
        SignetApi self = SignetApi.login(person.name(), password);
        self.get("/v1/radius_client").expect(403);
        assertEquals(person.secret(), self.get("/v1/person/" + person.name() + "/_radius").expect(200).object().getString("secret"),
                "a person reads their own secret");
    }

    @Test
    void aPasswordContainingTheRadiusSecretIsRefused() {
        Person person = person(true);
        SignetApi.Response refused = SignetApi.idmAdmin().post("/v1/person/" + person.name() + "/_credential/_set_password",
                "{\"password\":\"mine " + person.secret().toLowerCase() + "\"}").expect(422);
        assertTrue(refused.body().contains("RADIUS secret"), refused.body());
    }

    @Test
    void serviceAccountsHaveNoRadiusSecretAndADeletedOneStopsWorking() throws Exception {
        SignetApi idm = SignetApi.idmAdmin();
        String service = unique("svc");
        idm.post("/v1/service_account", attrs("name", service, "displayname", "Service")).expect(201);
        idm.post("/v1/person/" + service + "/_radius", "{}").expect(400);
        Person person = person(true);
        idm.delete("/v1/person/" + person.name() + "/_radius").expect(204);
        idm.get("/v1/person/" + person.name() + "/_radius").expect(404);
        Instant start = Instant.now();
        assertTrue(radtest("pap", person.name(), person.secret(), nas().secret()).output().contains("Received Access-Reject"));
        assertTrue(audit("radius.auth", person.name(), start).get(0).getString("detail").endsWith("account has no RADIUS secret"));
    }

    /** The server's certificate chain as eapol_test is given it to trust (what HTTPS and LDAPS serve too). */
    private static Path caFile;

    static synchronized Path ca() throws IOException {
        if (caFile == null) {
            caFile = Files.createTempFile("signet-ca", ".pem");
            caFile.toFile().deleteOnExit();
            Files.writeString(caFile, SignetApi.anonymous().get("/ca.pem").expect(200).body());
        }
        return caFile;
    }

    /** One EAP login with wpa_supplicant's eapol_test (src/test/eapol), which checks the MPPE keys against its own MSK. */
    static Run eapol(String method, String identity, String password) throws Exception {
        return run(null, "bash", Path.of("src/test/eapol/run-eapol-test.sh").toAbsolutePath().toString(), method, identity, password,
                nas().secret(), ca().toString(), SERVER, String.valueOf(AUTH));
    }

    private static void assertEapSuccess(Run run) {
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("MPPE keys OK: 1  mismatch: 0"), "the Accept's MS-MPPE keys are the MSK: " + run.output());
        assertTrue(run.output().trim().endsWith("SUCCESS"), run.output());
    }

    @Test
    void peapMsChapV2SucceedsWithTheMppeKeysAndIsAuditedUnderTheInnerName() throws Exception {
        Person person = person(true);
        Instant start = Instant.now();
        Run run = eapol("peap-mschapv2", person.name(), person.secret());
        assertEapSuccess(run);
        assertTrue(run.output().contains("Tunnel-Private-Group-Id"), "the Accept carries the VLAN: " + run.output());
        List<JsonObject> rows = audit("radius.auth", person.name(), start);
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("success", rows.get(0).getString("outcome"));
        assertTrue(rows.get(0).getString("detail").contains("PEAP-MSCHAPv2 from 127.0.0.1"), rows.toString());
    }

    @Test
    void ttlsPapAndTtlsMsChapV2AndEapMsChapV2Succeed() throws Exception {
        Person person = person(true);
        Instant start = Instant.now();
        assertEapSuccess(eapol("ttls-pap", person.name(), person.secret()));
        assertEapSuccess(eapol("ttls-mschapv2", person.name(), person.secret()));
        assertEapSuccess(eapol("eap-mschapv2", person.name(), person.secret()));
        List<String> details = audit("radius.auth", person.name(), start).stream().map(e -> e.getString("detail")).toList();
        assertEquals(3, details.size(), details.toString());
        for (String method : List.of("TTLS-PAP", "TTLS-MSCHAPv2", "EAP-MSCHAPv2")) {
            assertTrue(details.stream().anyMatch(d -> d.contains(method + " from") && d.endsWith("accepted")), method + ": " + details);
        }
    }

    @Test
    void eapWithAWrongSecretFailsForEveryMethodAndTheAuditSaysWhy() throws Exception {
        Person person = person(true);
        Instant start = Instant.now();
        for (String method : List.of("peap-mschapv2", "ttls-pap", "ttls-mschapv2")) {
            Run run = eapol(method, person.name(), person.secret() + "x");
            assertTrue(run.exit() != 0, method + ": " + run.output());
            assertTrue(run.output().contains("Access-Reject"), method + ": " + run.output());
            assertFalse(run.output().trim().endsWith("SUCCESS"), run.output());
        }
        List<JsonObject> rows = audit("radius.auth", person.name(), start);
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.stream().allMatch(r -> r.getString("outcome").equals("failure") && r.getString("detail").endsWith("wrong RADIUS secret")),
                rows.toString());
    }

    @Test
    void eapForAPersonOutsideTheClientsGroupsEndsInARejectAfterTheTunnel() throws Exception {
        Person person = person(false);
        Instant start = Instant.now();
        Run run = eapol("peap-mschapv2", person.name(), person.secret());
        assertTrue(run.exit() != 0, run.output());
        assertTrue(run.output().contains("Access-Reject"), run.output());
        String detail = audit("radius.auth", person.name(), start).get(0).getString("detail");
        assertTrue(detail.contains("PEAP-MSCHAPv2 from 127.0.0.1") && detail.endsWith("not a member of any of the client's groups"), detail);
    }

    @Test
    void plainMsChapV2IsAcceptedWithItsSuccessAndMppeKeysAndAWrongSecretRejected() throws Exception {
        Person person = person(true);
        java.util.HexFormat hex = java.util.HexFormat.of();
        java.security.SecureRandom random = new java.security.SecureRandom();
        byte[] authChallenge = new byte[16];
        byte[] peerChallenge = new byte[16];
        random.nextBytes(authChallenge);
        random.nextBytes(peerChallenge);
        for (String password : List.of(person.secret(), person.secret() + "x")) {
            byte[] nt = MsChapV2Peer.ntResponse(authChallenge, peerChallenge, person.name(), password);
            byte[] response = new byte[50];
            response[0] = 7;
            System.arraycopy(peerChallenge, 0, response, 2, 16);
            System.arraycopy(nt, 0, response, 26, 24);
            Run run = radclient("User-Name = \"" + person.name() + "\"\nMS-CHAP-Challenge = 0x" + hex.formatHex(authChallenge)
                    + "\nMS-CHAP2-Response = 0x" + hex.formatHex(response) + "\nMessage-Authenticator = 0x00\n", AUTH, "auth", nas().secret());
            if (!password.equals(person.secret())) {
                assertTrue(run.output().contains("Received Access-Reject"), run.output());
                continue;
            }
            assertTrue(run.output().contains("Received Access-Accept"), run.output());
            String success = "07" + hex.formatHex(MsChapV2Peer.authenticatorResponse(authChallenge, peerChallenge, nt, person.name(), password)
                    .getBytes(StandardCharsets.US_ASCII));
            assertTrue(run.output().contains("MS-CHAP2-Success = 0x" + success), "RFC 2759 8.7 authenticator response: " + run.output());
            // radclient decrypts the RFC 2548 salt encryption with the shared secret: the keys must come out as RFC 3079 derives them
            assertTrue(run.output().contains("MS-MPPE-Send-Key = 0x" + hex.formatHex(MsChapV2Peer.serverKey(nt, password, true))), run.output());
            assertTrue(run.output().contains("MS-MPPE-Recv-Key = 0x" + hex.formatHex(MsChapV2Peer.serverKey(nt, password, false))), run.output());
        }
    }

    private static Optional<byte[]> exchange(DatagramSocket socket, byte[] request) throws IOException {
        socket.send(new DatagramPacket(request, request.length, new InetSocketAddress(SERVER, AUTH)));
        byte[] buffer = new byte[4096];
        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(reply);
            return Optional.of(Arrays.copyOf(buffer, reply.getLength()));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
    }

    private static DatagramSocket socket(String from, int timeoutMillis) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.setSoTimeout(timeoutMillis);
        return socket;
    }

    @Test
    void theAnswersFirstAttributeIsAValidMessageAuthenticator() throws Exception {
        Person person = person(true);
        byte[] secret = nas().secret().getBytes(StandardCharsets.UTF_8);
        try (DatagramSocket socket = socket(SERVER, 10_000)) {
            for (String password : List.of(person.secret(), "wrong")) {
                byte[] request = RadiusPackets.pap(7, person.name(), password, secret, true);
                byte[] reply = exchange(socket, request).orElseThrow();
                assertTrue(RadiusPackets.messageAuthenticatorFirstAndValid(reply, request, secret), "Accept and Reject alike");
            }
        }
    }

    @Test
    void anAccessRequestWithoutMessageAuthenticatorGetsNoAnswer() throws Exception {
        Person person = person(true);
        try (DatagramSocket socket = socket(SERVER, 1500)) {
            byte[] request = RadiusPackets.pap(9, person.name(), person.secret(), nas().secret().getBytes(StandardCharsets.UTF_8), false);
            assertTrue(exchange(socket, request).isEmpty(), "BlastRADIUS: dropped");
        }
        assertTrue(dropsCounted("no_message_authenticator"));
    }

    @Test
    void aRequestFromAnUnknownAddressGetsNoAnswer() throws Exception {
        Person person = person(true);
        try (DatagramSocket socket = socket("127.0.0.2", 1500)) {
            byte[] request = RadiusPackets.pap(11, person.name(), person.secret(), nas().secret().getBytes(StandardCharsets.UTF_8), true);
            assertTrue(exchange(socket, request).isEmpty(), "127.0.0.2 is no RADIUS client");
        }
        assertTrue(dropsCounted("unknown_client"));
    }

    @Test
    void aRetransmissionGetsTheSameAnswerAndOneAuditRow() throws Exception {
        Person person = person(true);
        byte[] secret = nas().secret().getBytes(StandardCharsets.UTF_8);
        Instant start = Instant.now();
        try (DatagramSocket socket = socket(SERVER, 10_000)) {
            byte[] request = RadiusPackets.pap(13, person.name(), "wrong", secret, true);
            byte[] first = exchange(socket, request).orElseThrow();
            byte[] again = exchange(socket, request).orElseThrow();
            assertArrayEquals(first, again, "RFC 5080: the same answer, octet for octet");
        }
        assertEquals(1, audit("radius.auth", person.name(), start).size(), "one decision");
    }

    @Test
    void tenThousandRandomAndMutatedDatagramsLeaveTheListenerAnswering() throws Exception {
        Person person = person(true);
        byte[] secret = nas().secret().getBytes(StandardCharsets.UTF_8);
        Random random = new Random(1812);
        byte[] valid = RadiusPackets.pap(1, person.name(), "wrong", secret, true);
        try (DatagramSocket socket = socket(SERVER, 10_000)) {
            InetSocketAddress server = new InetSocketAddress(SERVER, AUTH);
            for (int i = 0; i < 10_000; i++) {
                byte[] packet;
                if (i % 2 == 0) {
                    packet = new byte[random.nextInt(120)];
                    random.nextBytes(packet);
                    if (packet.length >= 20 && random.nextBoolean()) {
                        packet[0] = 1;
                        packet[2] = (byte) (packet.length >> 8);
                        packet[3] = (byte) packet.length;
                    }
                } else {
                    packet = valid.clone();
                    for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                        packet[random.nextInt(packet.length)] = (byte) random.nextInt(256);
                    }
                }
                socket.send(new DatagramPacket(packet, packet.length, server));
            }
            // whatever those got (drops, a few Rejects), a right request is answered; earlier answers are skipped
            byte[] request = RadiusPackets.pap(200, person.name(), person.secret(), secret, true);
            socket.send(new DatagramPacket(request, request.length, server));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            boolean accepted = false;
            byte[] buffer = new byte[4096];
            while (!accepted && System.nanoTime() < deadline) {
                DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                socket.receive(reply);
                accepted = reply.getLength() >= 20 && (buffer[0] & 0xff) == 2 && (buffer[1] & 0xff) == 200
                        && Arrays.equals(Arrays.copyOfRange(buffer, 4, 20), responseAuthenticator(Arrays.copyOf(buffer, reply.getLength()), request, secret));
            }
            assertTrue(accepted, "the listener still answers");
        }
        assertTrue(dropsCounted("malformed"));
    }

    private static byte[] responseAuthenticator(byte[] reply, byte[] request, byte[] secret) throws Exception {
        byte[] work = reply.clone();
        System.arraycopy(request, 4, work, 4, 16);
        java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
        md5.update(work);
        md5.update(secret);
        return md5.digest();
    }

    /** Whether the drop counter for {@code reason} is above zero on the Prometheus endpoint (the adapter reports each second). */
    private static boolean dropsCounted(String reason) throws Exception {
        Pattern counter = Pattern.compile("signet_radius_drops_total\\{[^}]*reason=\"" + Pattern.quote(reason) + "\"[^}]*\\} ([0-9.E]+)");
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:9990/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = counter.matcher(metrics);
            if (m.find() && Double.parseDouble(m.group(1)) > 0) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
