package dev.signet.radius;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Function;

/** The EAP methods before they are wired in: none is served (see {@link EapMethods}). */
@ApplicationScoped
public class UnavailableEapMethods implements EapMethods {
    @Override
    public boolean available() {
        return false;
    }

    @Override
    public EapTurn step(byte[] stateOrNull, byte[] eapMessage, Function<String, Optional<char[]>> secretOf) {
        throw new IllegalStateException("EAP is not available");
    }

    @Override
    public Optional<MsChapV2Proof> msChapV2(String username, char[] password, byte[] authenticatorChallenge, byte[] peerChallenge,
                                            byte[] ntResponse) {
        return Optional.empty();
    }
}
