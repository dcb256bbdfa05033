package dev.signet.radius.eap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.HashAlgorithm;

/**
 * The outer TLS server's certificate chain and private key (EC or RSA), converted once into the
 * forms Bouncy Castle's lightweight TLS API takes.
 */
final class ServerCredentials {
    final byte[][] chain;
    final AsymmetricKeyParameter key;
    final boolean ec;
    /** For EC keys, the hash the curve pairs with in TLS 1.3 (P-256: SHA-256, P-384: SHA-384, P-521: SHA-512). */
    final short ecHash;

    ServerCredentials(X509Certificate[] certificates, PrivateKey privateKey) {
        if (certificates == null || certificates.length == 0 || privateKey == null) {
            throw new IllegalArgumentException("the EAP TLS server needs a certificate chain and its private key");
        }
        chain = new byte[certificates.length][];
        try {
            for (int i = 0; i < certificates.length; i++) {
                chain[i] = certificates[i].getEncoded();
            }
            key = PrivateKeyFactory.createKey(privateKey.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("unreadable certificate", e);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable private key", e);
        }
        if (key instanceof ECPrivateKeyParameters ecKey) {
            ec = true;
            int bits = ecKey.getParameters().getCurve().getFieldSize();
            ecHash = bits <= 256 ? HashAlgorithm.sha256
                    : bits <= 384 ? HashAlgorithm.sha384 : HashAlgorithm.sha512;
        } else if (key instanceof RSAKeyParameters) {
            ec = false;
            ecHash = 0;
        } else {
            throw new IllegalArgumentException("the EAP TLS server key must be EC or RSA, not " + privateKey.getAlgorithm());
        }
    }
}
