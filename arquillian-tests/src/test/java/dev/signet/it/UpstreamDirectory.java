package dev.signet.it;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The directory a sync account imports from: an LDAP server (the UnboundID in-memory directory,
 * a complete LDAPv3 server) listening on LDAPS with a certificate made for the test by keytool.
 */
final class UpstreamDirectory implements AutoCloseable {
    static final String BASE = "dc=example,dc=com";
    static final String BIND_DN = "cn=signet-sync,dc=example,dc=com";
    static final String BIND_PASSWORD = "upstream sync secret";

    final InMemoryDirectoryServer server;
    final String caPem;

    private UpstreamDirectory(InMemoryDirectoryServer server, String caPem) {
        this.server = server;
        this.caPem = caPem;
    }

    static UpstreamDirectory start() throws Exception {
        Path dir = Files.createTempDirectory("upstream-ldap");
        Path store = dir.resolve("ldap.p12");
        keytool("-genkeypair", "-alias", "ldap", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit");
        String pem = keytool("-exportcert", "-rfc", "-alias", "ldap", "-keystore", store.toString(), "-storepass", "changeit");
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        // the standard schema has no ldapPublicKey (openssh-lpk): accept what directories export
        config.setSchema(null);
        config.addAdditionalBindCredentials(BIND_DN, BIND_PASSWORD);
        SSLUtil tls = new SSLUtil(new KeyStoreKeyManager(store.toFile(), "changeit".toCharArray(), "PKCS12", "ldap"), null);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPSConfig("ldaps", null, 0, tls.createSSLServerSocketFactory(), null));
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.startListening();
        server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
        server.add("dn: ou=people," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
        server.add("dn: ou=groups," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: groups");
        return new UpstreamDirectory(server, pem);
    }

    String url() {
        return "ldaps://localhost:" + server.getListenPort("ldaps");
    }

    String person(String uid, String displayName) throws Exception {
        String dn = "uid=" + uid + ",ou=people," + BASE;
        server.add("dn: " + dn, "objectClass: top", "objectClass: person", "objectClass: organizationalPerson",
                "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + displayName, "sn: " + uid, "displayName: " + displayName,
                "mail: " + uid + "@example.com");
        return dn;
    }

    /** A POSIX person with an SSH key and an {SSHA} password hash, as directories export them. */
    String posixPerson(String uid, int uidNumber, String sshKey, String password) throws Exception {
        byte[] salt = new byte[8];
        new java.security.SecureRandom().nextBytes(salt);
        java.security.MessageDigest sha1 = java.security.MessageDigest.getInstance("SHA-1");
        sha1.update(password.getBytes(StandardCharsets.UTF_8));
        sha1.update(salt);
        byte[] digest = sha1.digest();
        byte[] both = java.util.Arrays.copyOf(digest, digest.length + salt.length);
        System.arraycopy(salt, 0, both, digest.length, salt.length);
        String dn = "uid=" + uid + ",ou=people," + BASE;
        server.add("dn: " + dn, "objectClass: top", "objectClass: person", "objectClass: organizationalPerson",
                "objectClass: inetOrgPerson", "objectClass: posixAccount", "objectClass: ldapPublicKey", "uid: " + uid, "cn: " + uid,
                "sn: " + uid, "uidNumber: " + uidNumber, "gidNumber: " + uidNumber, "homeDirectory: /home/" + uid,
                "sshPublicKey: " + sshKey, "userPassword: {SSHA}" + java.util.Base64.getEncoder().encodeToString(both));
        return dn;
    }

    String group(String cn, List<String> members) throws Exception {
        String dn = "cn=" + cn + ",ou=groups," + BASE;
        String[] lines = new String[4 + members.size()];
        lines[0] = "dn: " + dn;
        lines[1] = "objectClass: top";
        lines[2] = "objectClass: groupOfNames";
        lines[3] = "cn: " + cn;
        for (int i = 0; i < members.size(); i++) {
            lines[4 + i] = "member: " + members.get(i);
        }
        server.add(lines);
        return dn;
    }

    private static String keytool(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
        return out;
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
