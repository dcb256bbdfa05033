package dev.signet.it;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import jakarta.json.Json;
import java.io.File;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import org.apache.directory.api.ldap.codec.api.LdapApiServiceFactory;
import org.apache.directory.api.ldap.codec.standalone.StandaloneLdapApiService;
import org.apache.directory.server.core.api.DirectoryService;
import org.apache.directory.server.core.factory.DefaultDirectoryServiceFactory;
import org.apache.directory.server.ldap.LdapServer;
import org.apache.directory.server.protocol.shared.transport.TcpTransport;

/**
 * The directory a sync account imports from, listening on LDAPS: the UnboundID in-memory directory
 * (a complete LDAPv3 server without RFC 4533, so read page by page), or OpenLDAP's slapd from the
 * distribution's packages with the syncprov overlay (read incrementally), started by
 * {@code src/test/slapd/start.sh} in a directory of its own.
 */
final class UpstreamDirectory implements AutoCloseable {
    static final String BASE = "dc=example,dc=com";
    static final String BIND_DN = "cn=signet-sync,dc=example,dc=com";
    static final String BIND_PASSWORD = "upstream sync secret";

    /** Where the test writes: the in-memory server itself, or a connection bound as slapd's root DN. */
    final LDAPInterface server;
    final String caPem;
    private final int port;
    private final Runnable stop;

    private UpstreamDirectory(LDAPInterface server, String caPem, int port, Runnable stop) {
        this.server = server;
        this.caPem = caPem;
        this.port = port;
        this.stop = stop;
    }

    static UpstreamDirectory slapd() throws Exception {
        Path dir = Files.createTempDirectory("upstream-slapd");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process start = new ProcessBuilder("bash", Path.of("src/test/slapd/start.sh").toAbsolutePath().toString(), dir.toString(),
                String.valueOf(port)).redirectErrorStream(true).start();
        String out = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!start.waitFor(60, TimeUnit.SECONDS) || start.exitValue() != 0) {
            throw new IllegalStateException("slapd did not start: " + out);
        }
        String pem = Files.readString(dir.resolve("cert.pem"));
        SSLUtil tls = new SSLUtil(new PEMFileTrustManager(dir.resolve("cert.pem").toFile()));
        LDAPConnection admin = new LDAPConnection(tls.createSSLSocketFactory(), "localhost", port, "cn=admin," + BASE,
                Files.readString(dir.resolve("root.password")).trim());
        return new UpstreamDirectory(admin, pem, port, () -> {
            admin.close();
            try {
                long pid = Long.parseLong(Files.readString(dir.resolve("slapd.pid")).trim());
                ProcessHandle.of(pid).ifPresent(p -> {
                    p.destroy();
                    p.onExit().orTimeout(10, TimeUnit.SECONDS).join();
                });
                try (var files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Apache Directory Server embedded in this JVM, on LDAPS with a keytool certificate, loaded
     * from the LDIF fixture {@code upstream/apacheds.ldif}; the test writes as ApacheDS's admin.
     */
    static UpstreamDirectory apacheDs() throws Exception {
        Path dir = Files.createTempDirectory("upstream-apacheds");
        Path store = dir.resolve("ldap.p12");
        String pem = selfSigned(store);
        if (!LdapApiServiceFactory.isInitialized()) {
            LdapApiServiceFactory.initialize(
                    new StandaloneLdapApiService());
        }
        DefaultDirectoryServiceFactory factory =
                new DefaultDirectoryServiceFactory();
        factory.init("upstream-" + dir.getFileName());
        DirectoryService service = factory.getDirectoryService();
        service.setShutdownHookEnabled(false);
        service.getChangeLog().setEnabled(false);
        // posixAccount and posixGroup live in ApacheDS's nis schema, off by default
        service.getSchemaManager().enable("nis");
        var partition = factory.getPartitionFactory().createPartition(service.getSchemaManager(), service.getDnFactory(), "example",
                BASE, 500, new File(service.getInstanceLayout().getPartitionsDirectory(), "example"));
        service.addPartition(partition);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        LdapServer ldap = new LdapServer();
        ldap.setDirectoryService(service);
        TcpTransport ldaps =
                new TcpTransport("127.0.0.1", port);
        ldaps.setEnableSSL(true);
        ldap.setTransports(ldaps);
        ldap.setKeystoreFile(store.toString());
        ldap.setCertificatePassword("changeit");
        ldap.start();
        SSLUtil tls = new SSLUtil(new TrustStoreTrustManager(store.toFile(), "changeit".toCharArray(), "PKCS12", true));
        LDAPConnection admin = new LDAPConnection(tls.createSSLSocketFactory(), "localhost", port, "uid=admin,ou=system", "secret");
        try (LDIFReader fixture = new LDIFReader(
                UpstreamDirectory.class.getResourceAsStream("/upstream/apacheds.ldif"))) {
            for (Entry entry = fixture.readEntry(); entry != null; entry = fixture.readEntry()) {
                admin.add(entry);
            }
        }
        return new UpstreamDirectory(admin, pem, port, () -> {
            admin.close();
            ldap.stop();
            try {
                service.shutdown();
                try (var files = Files.walk(service.getInstanceLayout().getInstanceDirectory().toPath())) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A key pair for localhost in a PKCS12 store (password changeit); returns the certificate as PEM. */
    private static String selfSigned(Path store) throws IOException, InterruptedException {
        keytool("-genkeypair", "-alias", "ldap", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit");
        return keytool("-exportcert", "-rfc", "-alias", "ldap", "-keystore", store.toString(), "-storepass", "changeit");
    }

    static UpstreamDirectory start() throws Exception {
        Path dir = Files.createTempDirectory("upstream-ldap");
        Path store = dir.resolve("ldap.p12");
        String pem = selfSigned(store);
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        // the standard schema has no ldapPublicKey (openssh-lpk): accept what directories export
        config.setSchema(null);
        config.addAdditionalBindCredentials(BIND_DN, BIND_PASSWORD);
        SSLUtil tls = new SSLUtil(new KeyStoreKeyManager(store.toFile(), "changeit".toCharArray(), "PKCS12", "ldap"), null);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // a fixed port, so the directory can go away and come back where the sync account looks for it
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPSConfig("ldaps", null, port, tls.createSSLServerSocketFactory(), null));
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.startListening();
        server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
        server.add("dn: ou=people," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
        server.add("dn: ou=groups," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: groups");
        return new UpstreamDirectory(server, pem, server.getListenPort("ldaps"), () -> server.shutDown(true));
    }

    String url() {
        return "ldaps://localhost:" + port;
    }

    /** The in-memory directory drops every connection and stops listening (its data stays). */
    void goAway() {
        ((InMemoryDirectoryServer) server).shutDown(true);
    }

    /** ... and listens again on the same port. */
    void comeBack() throws LDAPException {
        ((InMemoryDirectoryServer) server).startListening();
    }

    /** A new sync account of Signet's, reading this directory with the sync bind DN; returns its name. */
    String syncAccount(SignetApi idm, String prefix) {
        String account = SignetApi.unique(prefix);
        idm.post("/v1/sync_account", SignetApi.attrs("name", account)).expect(201);
        idm.put("/v1/sync_account/" + account + "/_ldap", Json.createObjectBuilder().add("url", url())
                .add("bind_dn", BIND_DN).add("bind_password", BIND_PASSWORD).add("base_dn", BASE).add("ca_pem", caPem)
                .build().toString()).expect(200);
        return account;
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
        new SecureRandom().nextBytes(salt);
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(password.getBytes(StandardCharsets.UTF_8));
        sha1.update(salt);
        byte[] digest = sha1.digest();
        byte[] both = Arrays.copyOf(digest, digest.length + salt.length);
        System.arraycopy(salt, 0, both, digest.length, salt.length);
        String dn = "uid=" + uid + ",ou=people," + BASE;
        server.add("dn: " + dn, "objectClass: top", "objectClass: person", "objectClass: organizationalPerson",
                "objectClass: inetOrgPerson", "objectClass: posixAccount", "objectClass: ldapPublicKey", "uid: " + uid, "cn: " + uid,
                "sn: " + uid, "uidNumber: " + uidNumber, "gidNumber: " + uidNumber, "homeDirectory: /home/" + uid,
                "sshPublicKey: " + sshKey, "userPassword: {SSHA}" + Base64.getEncoder().encodeToString(both));
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
        stop.run();
    }
}
