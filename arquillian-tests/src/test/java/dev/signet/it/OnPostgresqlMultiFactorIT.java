package dev.signet.it;

import org.junit.jupiter.api.Tag;

/** {@link MultiFactorIT}, on the server started with the PostgreSQL switch. */
@Tag("postgresql")
class OnPostgresqlMultiFactorIT extends MultiFactorIT {
}
