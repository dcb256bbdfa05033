package dev.signet.it;

import org.junit.jupiter.api.Tag;

/** {@link LdapSyntaxIT}, on the server started with the PostgreSQL switch: extensible matches and memberUid as PostgreSQL queries. */
@Tag("postgresql")
class OnPostgresqlLdapSyntaxIT extends LdapSyntaxIT {
}
