package dev.signet.it;

import org.junit.jupiter.api.Tag;

/** {@link CredentialsIT}, on the server started with the PostgreSQL switch. */
@Tag("postgresql")
class OnPostgresqlCredentialsIT extends CredentialsIT {
}
