package dev.signet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.net.ConnectException;
import java.net.Socket;
import org.junit.jupiter.api.Assertions;

/** The same server started with the PostgreSQL switch (-P signet-postgresql.properties). */
@Tag("postgresql")
@ExtendWith(ArquillianExtension.class)
class PostgresqlServerIT {
    private final SignetServer server = new SignetServer();

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    private static Connection postgresql() throws Exception {
        return DriverManager.getConnection(System.getProperty("signet.test.pg.url"), System.getProperty("signet.test.pg.user"), "");
    }

    @Test
    void statusIsTrueOnPostgresql() throws Exception {
        assertEquals("true", server.get("/status").body());
    }

    @Test
    void domainWrittenThroughJpaAtFirstBootIsInPostgresql() throws Exception {
        assertEquals("true", server.get("/status").body(), "status reads the domain row back through JPA");
        try (Connection db = postgresql(); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("select uuid, name from signet_domain")) {
            assertTrue(rows.next(), "a domain row");
            UUID.fromString(rows.getString("uuid"));
            assertEquals("localhost", rows.getString("name"));
            assertFalse(rows.next(), "exactly one domain");
        }
    }

    @Test
    void noH2DatabaseIsCreatedWhenPostgresqlIsChosen() throws Exception {
        assertEquals("true", server.get("/status").body());
        assertFalse(Files.exists(SignetServer.baseDir().resolve("data/signet/signet.mv.db")));
    }

    /** This server runs with the defaults (the H2 test server turns plain LDAP on): LDAPS only. */
    @Test
    void plainLdapIsOffByDefaultAndLdapsIsOn() throws Exception {
        try (Socket ldaps = new Socket("127.0.0.1", 3636)) {
            assertTrue(ldaps.isConnected());
        }
        for (int port : new int[] {389, 3389}) {
            Assertions.assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(),
                    "nothing listens on " + port);
        }
    }
}
