package dev.signet.it;

import org.junit.jupiter.api.Tag;

/** {@link SyncFromLdapIT}, on the server started with the PostgreSQL switch. */
@Tag("postgresql")
class OnPostgresqlSyncFromLdapIT extends SyncFromLdapIT {
}
