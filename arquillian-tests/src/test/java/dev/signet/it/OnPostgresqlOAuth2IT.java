package dev.signet.it;

import org.junit.jupiter.api.Tag;

/** {@link OAuth2IT}, on the server started with the PostgreSQL switch. */
@Tag("postgresql")
class OnPostgresqlOAuth2IT extends OAuth2IT {
}
