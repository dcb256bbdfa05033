package dev.signet.directory;

import dev.signet.adapter.ldap.LdapConnection;
import dev.signet.adapter.ldap.LdapRequestListener;
import dev.signet.adapter.ldap.LdapResult;
import dev.signet.adapter.ldap.LdapSearch;
import dev.signet.adapter.ldap.LdapSearchResult;
import dev.signet.audit.ClientOrigin;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;

/**
 * The message endpoint of the LDAP resource adapter (bound to it in jboss-ejb3.xml): each
 * decoded operation arrives here and is answered by {@link Directory}.
 */
@PermitAll
@MessageDriven(name = "LdapGateway", messageListenerInterface = LdapRequestListener.class)
public class LdapGateway implements LdapRequestListener {
    @EJB
    private Directory directory;
    /** Each delivery runs in its own request scope: the peer's address is its audit source, as a REST request's is. */
    @Inject
    private ClientOrigin origin;

    @Override
    public LdapResult bind(LdapConnection connection, String name, char[] password) {
        origin.setAddress(connection.remoteAddress());
        return directory.bind(connection, name, password);
    }

    @Override
    public LdapSearchResult search(LdapConnection connection, LdapSearch search) {
        origin.setAddress(connection.remoteAddress());
        return directory.search(connection, search);
    }
}
