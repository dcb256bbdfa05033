package dev.signet.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jca.JCAAware;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.ECKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The JCA provider behind Signet's JWS signers and verifiers: Bouncy Castle (the server's
 * module). JDK 17's SunEC takes milliseconds per P-256 signature; Bouncy Castle, given keys of its
 * own on the named curve (so its precomputed tables are reused), a fraction of that. Every token
 * Signet issues or checks goes through here, so this is most of their cost.
 */
public final class SignatureProvider {
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private SignatureProvider() {
    }

    /** The signer or verifier, set to use Bouncy Castle. */
    public static <T extends JCAAware<? extends JCAContext>> T fast(T signerOrVerifier) {
        signerOrVerifier.getJCAContext().setProvider(BOUNCY_CASTLE);
        return signerOrVerifier;
    }

    /** An ES256 (or ES384/ES512) signer over the key, as a Bouncy Castle key. */
    public static ECDSASigner ecSigner(ECKey key) throws JOSEException {
        try {
            PrivateKey own = KeyFactory.getInstance("EC", BOUNCY_CASTLE)
                    .generatePrivate(new PKCS8EncodedKeySpec(key.toECPrivateKey().getEncoded()));
            return fast(new ECDSASigner(own, key.getCurve()));
        } catch (GeneralSecurityException e) {
            throw new JOSEException("cannot load the EC private key", e);
        }
    }

    public static ECDSAVerifier ecVerifier(ECKey key) throws JOSEException {
        try {
            ECPublicKey own = (ECPublicKey) KeyFactory.getInstance("EC", BOUNCY_CASTLE)
                    .generatePublic(new X509EncodedKeySpec(key.toECPublicKey().getEncoded()));
            return fast(new ECDSAVerifier(own));
        } catch (GeneralSecurityException e) {
            throw new JOSEException("cannot load the EC public key", e);
        }
    }
}
