package dev.signet.radius;

import dev.signet.radius.eap.EapServer;
import dev.signet.radius.eap.EapStep;
import dev.signet.radius.eap.InfinispanConversationStore;
import dev.signet.radius.mschap.MsChapV2;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.infinispan.Cache;

/**
 * The EAP methods and MS-CHAPv2 as the RADIUS decision uses them: one {@link EapServer} per
 * node, its conversations in the distributed cache {@code signet/eap} so that a device may send
 * the next round trip to another node, its outer TLS on {@link EapTlsIdentity}. The server is
 * built at the first EAP request, not at deployment: on a fresh install the LDAP adapter
 * generates the key pair while the application starts.
 */
// called by RadiusAuthenticator only, after the RADIUS client's shared secret was checked
@PermitAll
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class EapService implements EapMethods {
    private static final Logger LOG = Logger.getLogger(EapService.class.getName());

    @Resource(lookup = "java:jboss/infinispan/cache/signet/eap")
    private Cache<String, String> conversations;

    private volatile EapServer server;

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public EapTurn step(byte[] stateOrNull, byte[] eapMessage, Function<String, Optional<char[]>> secretOf) {
        EapStep step = server().step(stateOrNull, eapMessage, secretOf::apply);
        EapTurn.Kind kind = switch (step.kind()) {
            case CHALLENGE -> EapTurn.Kind.CHALLENGE;
            case ACCEPT -> EapTurn.Kind.ACCEPT;
            case REJECT -> EapTurn.Kind.REJECT;
        };
        return new EapTurn(kind, step.eapMessage(), step.state(), step.innerUsername(), step.mppeRecvKey(), step.mppeSendKey(),
                step.method(), step.reason());
    }

    @Override
    public Optional<MsChapV2Proof> msChapV2(String username, char[] password, byte[] authenticatorChallenge, byte[] peerChallenge,
                                            byte[] ntResponse) {
        try {
            return MsChapV2.verify(username, password, authenticatorChallenge, peerChallenge, ntResponse)
                    .map(r -> new MsChapV2Proof(r.authenticatorResponse(), r.recvKey16(), r.sendKey16()));
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    private EapServer server() {
        EapServer built = server;
        if (built == null) {
            synchronized (this) {
                built = server;
                if (built == null) {
                    EapTlsIdentity identity = EapTlsIdentity.load();
                    built = new EapServer(identity.chain(), identity.key(), new InfinispanConversationStore(conversations));
                    LOG.info(() -> "EAP (PEAP, EAP-TTLS, EAP-MSCHAPv2) serves TLS as " + identity.chain()[0].getSubjectX500Principal());
                    server = built;
                }
            }
        }
        return built;
    }
}
