package dev.signet.it;

import org.junit.jupiter.api.Tag;

/** {@link ConsoleInChromiumIT}, on the server started with the PostgreSQL switch. */
@Tag("postgresql")
class OnPostgresqlConsoleInChromiumIT extends ConsoleInChromiumIT {
}
