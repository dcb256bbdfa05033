package dev.signet.it;

import org.junit.jupiter.api.Tag;

/** {@link ConcurrentLoginsIT}, on the server started with the PostgreSQL switch. */
@Tag("postgresql")
class OnPostgresqlConcurrentLoginsIT extends ConcurrentLoginsIT {
}
