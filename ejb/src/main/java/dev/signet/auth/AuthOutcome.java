package dev.signet.auth;

import dev.signet.credential.PasskeyChallenge;
import java.util.List;
import java.util.UUID;

/**
 * The answer to one step of {@code POST /v1/auth}: choose a mechanism, continue with a
 * credential, success with a token, or denied with a reason that never tells whether the account
 * exists.
 */
public record AuthOutcome(UUID sessionId, State state, List<String> mechanisms, String token, String reason,
                          PasskeyChallenge passkey) {
    public enum State { CHOOSE, CONTINUE, SUCCESS, DENIED }

    static AuthOutcome choose(UUID session, List<Mechanism> mechanisms) {
        return new AuthOutcome(session, State.CHOOSE, mechanisms.stream().map(Mechanism::wire).toList(), null, null, null);
    }

    static AuthOutcome proceed(UUID session, List<String> mechanisms) {
        return new AuthOutcome(session, State.CONTINUE, List.copyOf(mechanisms), null, null, null);
    }

    /** Continue with a passkey assertion over this challenge. */
    static AuthOutcome proceed(UUID session, PasskeyChallenge challenge) {
        return new AuthOutcome(session, State.CONTINUE, List.of(Authentication.PASSKEY), null, null, challenge);
    }

    static AuthOutcome success(UUID session, String token) {
        return new AuthOutcome(session, State.SUCCESS, List.of(), token, null, null);
    }

    static AuthOutcome denied(UUID session, String reason) {
        return new AuthOutcome(session, State.DENIED, List.of(), null, reason, null);
    }
}
