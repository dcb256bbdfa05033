package dev.signet.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Optional;

/**
 * The loaded token-signing key. Public so the key's owner bean can hand it out, but only this
 * package can sign or verify with it.
 */
public final class Keyring {
    private final ECKey key;
    private final ECDSASigner signer;
    private final ECDSAVerifier verifier;
    private final VerifiedTokens verified = new VerifiedTokens();

    Keyring(ECKey key) throws JOSEException {
        this.key = key;
        this.signer = SignatureProvider.ecSigner(key);
        this.verifier = SignatureProvider.ecVerifier(key);
    }

    String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    /** The claims of a token this installation signed, or empty for anything else. */
    Optional<JWTClaimsSet> verify(String token) {
        Optional<JWTClaimsSet> known = verified.get(token);
        if (known.isPresent()) {
            return known;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())
                    || !key.getKeyID().equals(jwt.getHeader().getKeyID())
                    || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            verified.put(token, claims);
            return Optional.of(claims);
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
