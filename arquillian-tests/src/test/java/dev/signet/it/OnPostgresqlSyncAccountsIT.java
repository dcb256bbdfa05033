package dev.signet.it;

import org.junit.jupiter.api.Tag;

/** {@link SyncAccountsIT}, on the server started with the PostgreSQL switch. */
@Tag("postgresql")
class OnPostgresqlSyncAccountsIT extends SyncAccountsIT {
}
