package dev.signet.it;

import static dev.signet.it.SignetApi.attrs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.ArrayList;

/**
 * NSS over LDAP as a Linux host does it: Debian's nslcd (nss-pam-ldapd), bound as a service
 * account with its API token over LDAPS and checking Signet's certificate, answers
 * {@code getent passwd} and {@code getent group} ({@code src/test/nss/getent.sh} runs it in a
 * private mount namespace, so the machine's own name service is untouched).
 */
@ExtendWith(ArquillianExtension.class)
class NssLdapIT {
    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    private record Getent(int exit, String out) {
    }

    @Test
    void getentResolvesAPersonAndAGroupThroughNslcd() throws Exception {
        SignetApi idm = SignetApi.idmAdmin();
        idm.post("/v1/person", attrs("name", "jsmith", "displayname", "John Smith")).expect(201);
        String uid = idm.post("/v1/person/jsmith/_unix", "{\"shell\":\"/bin/zsh\"}").expect(200).attr("gidnumber").get(0);
        idm.post("/v1/group", attrs("name", "developers")).expect(201);
        String gid = idm.post("/v1/group/developers/_unix", "{}").expect(200).attr("gidnumber").get(0);
        idm.post("/v1/group/developers/_attr/member", "[\"jsmith\"]").expect(200);
        idm.post("/v1/person", attrs("name", "nonposix", "displayname", "No Unix")).expect(201);
        idm.post("/v1/service_account", attrs("name", "nslcd_reader", "displayname", "nslcd on a host")).expect(201);
        String token = idm.post("/v1/service_account/nslcd_reader/_api_token", "{\"label\":\"nslcd\"}").expect(201).object().getString("token");

        Path dir = Files.createTempDirectory("nslcd");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path ca = dir.resolve("signet-ca.pem");
        Files.writeString(ca, pem(serverCertificate()));
        Files.setPosixFilePermissions(ca, PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(dir.resolve("nslcd.conf"), String.join("\n",
                "uid nslcd", "gid nslcd",
                "uri ldaps://localhost:3636/",
                "base dc=localhost",
                "binddn spn=nslcd_reader@localhost,dc=localhost",
                "bindpw " + token,
                "tls_reqcert demand",
                "tls_cacertfile " + ca,
                ""));
        Files.setPosixFilePermissions(dir.resolve("nslcd.conf"), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(dir.resolve("nsswitch.conf"), "passwd: files ldap\ngroup: files ldap\nshadow: files\nhosts: files\n");

        Getent found = getent(dir, "passwd", "jsmith", "group", "developers", "initgroups", "jsmith", "passwd", uid, "group", gid);
        assertEquals(0, found.exit(), found.out() + nslcdLog(dir));
        List<String> lines = found.out().lines().toList();
        String passwd = "jsmith:*:" + uid + ":" + uid + ":John Smith:/home/jsmith:/bin/zsh";
        String group = "developers:*:" + gid + ":jsmith";
        assertEquals(passwd, lines.get(0), found.out());
        assertEquals(group, lines.get(1), found.out());
        assertEquals(List.of("jsmith", gid), List.of(lines.get(2).trim().split("\\s+")), "the groups id(1) and login would give jsmith: " + found.out());
        assertEquals(passwd, lines.get(3), "by uid number");
        assertEquals(group, lines.get(4), "by gid number");

        Getent missing = getent(dir, "passwd", "nonposix", "passwd", "nosuchperson");
        assertEquals(2, missing.exit(), "a person without POSIX attributes is no Unix account: " + missing.out());
        assertTrue(missing.out().contains("getent passwd nonposix: exit 2") && missing.out().contains("getent passwd nosuchperson: exit 2"),
                missing.out());
    }

    private static Getent getent(Path dir, String... queries) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", Path.of("src/test/nss/getent.sh").toAbsolutePath().toString(), dir.toString()));
        command.addAll(List.of(queries));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "getent.sh finished");
        return new Getent(process.exitValue(), out);
    }

    private static String nslcdLog(Path dir) throws Exception {
        Path log = dir.resolve("nslcd.log");
        return Files.exists(log) ? "\nnslcd:\n" + Files.readString(log) : "";
    }

    /** The certificate Signet serves on every TLS listener: the one nslcd must trust. */
    private static Certificate serverCertificate() throws Exception {
        String password = Files.readString(SignetServer.installation().resolve("standalone/data/signet/tls-keystore.password")).trim();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(SignetServer.baseDir().resolve("data/signet/tls.p12"))) {
            store.load(in, password.toCharArray());
        }
        return store.getCertificate(store.aliases().nextElement());
    }

    private static String pem(Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }
}
