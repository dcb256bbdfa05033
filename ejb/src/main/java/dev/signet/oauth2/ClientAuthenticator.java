package dev.signet.oauth2;

import dev.signet.audit.AuditType;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.id.ClientID;
import dev.signet.access.Caller;
import dev.signet.audit.Audit;
import dev.signet.credential.SecretDigest;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling the token, introspection and revocation endpoints: a confidential client proves
 * its secret (client_secret_basic or client_secret_post), a public one only names itself.
 */
// access checked: this is the client authentication itself
@PermitAll
@Stateless
public class ClientAuthenticator {
    /** Compared against when the client is unknown, so the answer takes the same time. */
    private static final String NO_SECRET = SecretDigest.of("no such client");

    @EJB
    private OAuth2Clients clients;
    @EJB
    private Audit audit;

    /** The client, if it authenticated as a confidential client or named itself as a public one. */
    public Optional<OAuth2Client> authenticate(ClientAuthentication authentication, ClientID named) {
        if (authentication == null) {
            return Optional.ofNullable(named).flatMap(id -> clients.find(id.getValue())).filter(c -> !c.confidential());
        }
        String secret;
        if (authentication instanceof ClientSecretBasic basic) {
            secret = basic.getClientSecret().getValue();
        } else if (authentication instanceof ClientSecretPost post) {
            secret = post.getClientSecret().getValue();
        } else {
            return Optional.empty();
        }
        Optional<OAuth2Client> client = clients.find(authentication.getClientID().getValue()).filter(OAuth2Client::confidential);
        String expected = client.flatMap(OAuth2Client::secretDigest).orElse(NO_SECRET);
        boolean matches = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                SecretDigest.of(secret).getBytes(StandardCharsets.US_ASCII));
        if (client.isPresent() && !matches) {
            audit.failure(AuditType.OAUTH2_CLIENT_AUTH, actor(client.get()), client.get().uuid(), client.get().name(), "wrong client secret");
        }
        return matches ? client : Optional.empty();
    }

    /** The client as the actor of audit events. */
    static Caller actor(OAuth2Client client) {
        return new Caller(client.uuid(), client.name(), Set.of(), false, false);
    }
}
