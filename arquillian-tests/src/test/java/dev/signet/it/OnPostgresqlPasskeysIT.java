package dev.signet.it;

import org.junit.jupiter.api.Tag;

/** {@link PasskeysIT}, on the server started with the PostgreSQL switch. */
@Tag("postgresql")
class OnPostgresqlPasskeysIT extends PasskeysIT {
}
