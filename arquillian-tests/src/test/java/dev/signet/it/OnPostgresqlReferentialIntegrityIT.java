package dev.signet.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Optional;
import org.junit.jupiter.api.Tag;

/** {@link ReferentialIntegrityIT}, on the server started with the PostgreSQL switch. */
@Tag("postgresql")
class OnPostgresqlReferentialIntegrityIT extends ReferentialIntegrityIT {
    @Override
    Optional<Connection> database() throws Exception {
        return Optional.of(DriverManager.getConnection(System.getProperty("signet.test.pg.url"), System.getProperty("signet.test.pg.user"), ""));
    }
}
