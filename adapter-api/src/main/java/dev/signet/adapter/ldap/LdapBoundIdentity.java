package dev.signet.adapter.ldap;

import java.util.Objects;
import java.util.UUID;

/**
 * Who a connection is bound as, as the core said at the bind (Kanidm's {@code LdapBoundToken}):
 * the account's UUID, so later operations find it without resolving a name again, the bind's
 * session (one per successful bind, named in its audit), and the DN whoami reports.
 *
 * @param account the bound account's UUID
 * @param session the id of this bind, new at every successful bind
 * @param dn the DN of the bound entry, as RFC 4532 whoami returns it
 */
public record LdapBoundIdentity(UUID account, UUID session, String dn) {
    public LdapBoundIdentity {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(dn, "dn");
    }
}
