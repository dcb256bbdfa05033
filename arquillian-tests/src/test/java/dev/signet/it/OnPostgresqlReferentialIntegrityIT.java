package dev.signet.it;

import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Tag;

/** {@link ReferentialIntegrityIT}, on the server started with the PostgreSQL switch. */
@Tag("postgresql")
class OnPostgresqlReferentialIntegrityIT extends ReferentialIntegrityIT {
    @Override
    Connection database() throws Exception {
        return DriverManager.getConnection(System.getProperty("signet.test.pg.url"), System.getProperty("signet.test.pg.user"), "");
    }
}
