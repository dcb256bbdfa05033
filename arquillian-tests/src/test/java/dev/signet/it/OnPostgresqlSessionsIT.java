package dev.signet.it;

import org.junit.jupiter.api.Tag;

/** {@link SessionsIT}, on the server started with the PostgreSQL switch. */
@Tag("postgresql")
class OnPostgresqlSessionsIT extends SessionsIT {
}
