package dev.signet.it;

import org.junit.jupiter.api.Tag;

/** {@link ResetIntentsIT}, on the server started with the PostgreSQL switch. */
@Tag("postgresql")
class OnPostgresqlResetIntentsIT extends ResetIntentsIT {
}
