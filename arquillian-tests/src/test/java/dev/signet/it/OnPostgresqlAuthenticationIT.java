package dev.signet.it;

import org.junit.jupiter.api.Tag;

/** {@link AuthenticationIT}, on the server started with the PostgreSQL switch. */
@Tag("postgresql")
class OnPostgresqlAuthenticationIT extends AuthenticationIT {
}
