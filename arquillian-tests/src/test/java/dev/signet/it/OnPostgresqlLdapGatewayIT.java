package dev.signet.it;

import org.junit.jupiter.api.Tag;

/** {@link LdapGatewayIT}, on the server started with the PostgreSQL switch: the filters as PostgreSQL queries. */
@Tag("postgresql")
class OnPostgresqlLdapGatewayIT extends LdapGatewayIT {
}
