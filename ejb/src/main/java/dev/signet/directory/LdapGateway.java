package dev.signet.directory;

import dev.signet.adapter.ldap.LdapBindResult;
import dev.signet.adapter.ldap.LdapCompare;
import dev.signet.adapter.ldap.LdapConnection;
import dev.signet.adapter.ldap.LdapRequestListener;
import dev.signet.adapter.ldap.LdapResult;
import dev.signet.adapter.ldap.LdapSearch;
import dev.signet.adapter.ldap.LdapSearchResult;
import dev.signet.audit.ClientOrigin;
import dev.signet.fault.SignetFault;
import java.util.List;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;

/**
 * The message endpoint of the LDAP resource adapter (bound to it in jboss-ejb3.xml): each
 * decoded operation arrives here and is answered by {@link Directory}; a fault the core raises is
 * answered as its result code ({@link LdapResultMapper}), the connection kept.
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
    public LdapBindResult bind(LdapConnection connection, String name, char[] password) {
        origin.setAddress(connection.remoteAddress());
        try {
            return directory.bind(connection, name, password);
        } catch (SignetFault fault) {
            return LdapBindResult.refused(LdapResultMapper.of(fault, ""));
        }
    }

    @Override
    public LdapSearchResult search(LdapConnection connection, LdapSearch search) {
        origin.setAddress(connection.remoteAddress());
        try {
            return directory.search(connection, search);
        } catch (SignetFault fault) {
            return new LdapSearchResult(List.of(), LdapResultMapper.of(fault, directory.namingContext()), null);
        }
    }

    @Override
    public LdapResult compare(LdapConnection connection, LdapCompare compare) {
        origin.setAddress(connection.remoteAddress());
        try {
            return directory.compare(connection, compare);
        } catch (SignetFault fault) {
            return LdapResultMapper.of(fault, directory.namingContext());
        }
    }
}
