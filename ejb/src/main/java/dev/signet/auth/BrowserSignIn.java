package dev.signet.auth;

import dev.signet.credential.PasskeyAssertion;
import dev.signet.credential.PasskeyChallenge;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import java.util.UUID;

/**
 * The sign-in of a browser form, one call per page: a name gives the credential form (password,
 * with a TOTP or backup code when the account has TOTP; a passkey offered beside it), the form
 * gives a token or a denial. Every step goes through {@link Authentication}, so the OAuth2 sign-in
 * pages, the console and {@code POST /v1/auth} share lockout, rate limit, policy and audit.
 */
@PermitAll
@Stateless
public class BrowserSignIn {
    @EJB
    private Authentication authentication;

    /**
     * What the credential form asks for.
     *
     * @param auth the authentication session the form posts back
     * @param secondFactor whether a TOTP code (or a backup code) is asked beside the password
     * @param passkeyOffered whether "use a passkey instead" is offered
     */
    public record CredentialForm(UUID auth, String username, boolean secondFactor, boolean passkeyOffered) {
    }

    /** A passkey ceremony under way: the options for {@code navigator.credentials.get}. */
    public record PasskeyCeremony(UUID auth, PasskeyChallenge challenge) {
    }

    /** The name step of a read-only sign-in: begins the password mechanism the account has. */
    public CredentialForm start(String username) {
        return begun(authentication.init(username), username);
    }

    /** The same for a session that already holds {@code bearer}: it becomes read-write again on success. */
    public CredentialForm startReauth(String bearer, String username) {
        return begun(authentication.reauth(bearer), username);
    }

    private CredentialForm begun(AuthOutcome chosen, String username) {
        List<String> mechanisms = chosen.mechanisms();
        String mechanism = mechanisms.contains(Mechanism.PASSWORD_MFA.wire()) ? Mechanism.PASSWORD_MFA.wire() : Authentication.PASSWORD;
        authentication.begin(chosen.sessionId(), mechanism);
        return new CredentialForm(chosen.sessionId(), username == null ? "" : username.trim(),
                Mechanism.PASSWORD_MFA.wire().equals(mechanism), mechanisms.contains(Authentication.PASSKEY));
    }

    /**
     * The credential form: the second factor first when asked (a code of digits is TOTP, anything
     * else a backup code), then the password. Denied as soon as one is wrong.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuthOutcome credentials(UUID auth, String secondFactor, char[] password) {
        if (secondFactor != null) {
            String code = secondFactor.replace(" ", "");
            String kind = !code.isEmpty() && code.chars().allMatch(Character::isDigit) ? Authentication.TOTP : Authentication.BACKUP_CODE;
            AuthOutcome second = authentication.secondFactor(auth, kind, code);
            if (second.state() == AuthOutcome.State.DENIED) {
                return second;
            }
        }
        return authentication.password(auth, password == null ? new char[0] : password);
    }

    /** "Use a passkey instead": a new authentication session for the name, with its challenge. */
    public PasskeyCeremony startPasskey(String username) {
        AuthOutcome chosen = authentication.init(username);
        return new PasskeyCeremony(chosen.sessionId(), authentication.begin(chosen.sessionId(), Authentication.PASSKEY).passkey());
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuthOutcome finishPasskey(UUID auth, PasskeyAssertion assertion) {
        return authentication.passkey(auth, assertion);
    }
}
