package dev.signet.it;

import org.junit.jupiter.api.Tag;

/** {@link ApiTokensIT}, on the server started with the PostgreSQL switch. */
@Tag("postgresql")
class OnPostgresqlApiTokensIT extends ApiTokensIT {
}
