package dev.signet.it;

import org.junit.jupiter.api.Tag;

/** {@link AccessControlIT}, on the server started with the PostgreSQL switch. */
@Tag("postgresql")
class OnPostgresqlAccessControlIT extends AccessControlIT {
}
