package dev.signet.it;

import org.junit.jupiter.api.Tag;

/** {@link EntriesIT}, on the server started with the PostgreSQL switch. */
@Tag("postgresql")
class OnPostgresqlEntriesIT extends EntriesIT {
}
