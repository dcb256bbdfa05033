package dev.signet.it;

import org.junit.jupiter.api.Tag;

/** {@link SelfServiceInChromiumIT}, on the server started with the PostgreSQL switch. */
@Tag("postgresql")
class OnPostgresqlSelfServiceInChromiumIT extends SelfServiceInChromiumIT {
}
