package dev.signet.radius.eap;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Vector;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.TlsNonceGenerator;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.tls.CertificateEntry;

/**
 * The server end of the TLS tunnel of EAP-PEAP and EAP-TTLS, on Bouncy Castle TLS in
 * non-blocking mode: records in from the peer's EAP messages, records out into ours.
 *
 * <p>TLS 1.2 and 1.3 only, AEAD cipher suites only (AES-GCM, ChaCha20-Poly1305, with ECDHE in
 * TLS 1.2), no session resumption, no client certificate. Every random draw goes to the
 * conversation's {@link SeededRandom}, including the nonce generator Bouncy Castle would
 * otherwise seed from the clock, so a replay is exact.
 *
 * <p>Keys, taken at handshake completion: for TLS 1.2 {@code PRF(master_secret, label,
 * client_random | server_random)} with "client EAP encryption" (PEAPv0) or "ttls keying material"
 * (RFC 5281 §8), and "ttls challenge" for TTLS' MS-CHAP challenge (§11.2.4); for TLS 1.3 the
 * exporter (RFC 9427 §2): {@code TLS-Exporter("EXPORTER_EAP_TLS_Key_Material", Type-Code, 128)}
 * and {@code TLS-Exporter("ttls challenge", "", 17)}. The MSK is the first 64 bytes.
 */
final class TlsTunnel {
    private static final int[] EC_SUITES = {
        CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384, CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
    };
    private static final int[] RSA_SUITES = {
        CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384, CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    };

    private final TlsServerProtocol protocol = new TlsServerProtocol();
    private final Server server;
    private byte[] keyMaterial;
    private byte[] ttlsChallenge;
    private String version;

    TlsTunnel(ServerCredentials credentials, SecureRandom random, int eapType, String tls12Label) throws IOException {
        server = new Server(new DeterministicCrypto(random), credentials, eapType, tls12Label);
        protocol.accept(server);
    }

    /** Feeds records from the peer; answers the records to send (possibly none). */
    byte[] receive(byte[] records) throws IOException {
        protocol.offerInput(records);
        return output();
    }

    boolean established() {
        return keyMaterial != null && protocol.isConnected() && !protocol.isHandshaking();
    }

    /** The plaintext the peer sent inside the tunnel since the last call. */
    byte[] applicationData() {
        int n = protocol.getAvailableInputBytes();
        byte[] out = new byte[n];
        if (n > 0) {
            protocol.readInput(out, 0, n);
        }
        return out;
    }

    /** Encrypts plaintext for the peer; answers the records. */
    byte[] send(byte[] plaintext) throws IOException {
        protocol.writeApplicationData(plaintext, 0, plaintext.length);
        return output();
    }

    byte[] msk() {
        return Arrays.copyOf(keyMaterial, 64);
    }

    byte[] ttlsChallenge() {
        return ttlsChallenge.clone();
    }

    String version() {
        return version;
    }

    private byte[] output() {
        int n = protocol.getAvailableOutputBytes();
        byte[] out = new byte[n];
        if (n > 0) {
            protocol.readOutput(out, 0, n);
        }
        return out;
    }

    /** Bouncy Castle's lightweight crypto with its nonce generator drawn from the conversation's DRBG, not the clock. */
    private static final class DeterministicCrypto extends BcTlsCrypto {
        DeterministicCrypto(SecureRandom random) {
            super(random);
        }

        @Override
        public TlsNonceGenerator createNonceGenerator(byte[] additionalSeedMaterial) {
            SecureRandom random = getSecureRandom();
            return size -> {
                byte[] nonce = new byte[size];
                random.nextBytes(nonce);
                return nonce;
            };
        }
    }

    private final class Server extends DefaultTlsServer {
        private final BcTlsCrypto crypto;
        private final ServerCredentials credentials;
        private final int eapType;
        private final String tls12Label;

        Server(BcTlsCrypto crypto, ServerCredentials credentials, int eapType, String tls12Label) {
            super(crypto);
            this.crypto = crypto;
            this.credentials = credentials;
            this.eapType = eapType;
            this.tls12Label = tls12Label;
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.TLSv13.downTo(ProtocolVersion.TLSv12);
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return TlsUtils.getSupportedCipherSuites(crypto, credentials.ec ? EC_SUITES : RSA_SUITES);
        }

        @Override
        public TlsCredentials getCredentials() throws IOException {
            SecurityParameters handshake = context.getSecurityParametersHandshake();
            boolean tls13 = TlsUtils.isTLSv13(handshake.getNegotiatedVersion());
            SignatureAndHashAlgorithm algorithm = signatureAlgorithm(handshake.getClientSigAlgs(), tls13);
            TlsCertificate[] certificates = new TlsCertificate[credentials.chain.length];
            for (int i = 0; i < certificates.length; i++) {
                certificates[i] = crypto.createCertificate(credentials.chain[i]);
            }
            Certificate chain = tls13
                    ? new Certificate(TlsUtils.EMPTY_BYTES, certificateEntries(certificates))
                    : new Certificate(certificates);
            return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, credentials.key, chain, algorithm);
        }

        private CertificateEntry[] certificateEntries(TlsCertificate[] certificates) {
            CertificateEntry[] entries = new CertificateEntry[certificates.length];
            for (int i = 0; i < certificates.length; i++) {
                entries[i] = new CertificateEntry(certificates[i], null);
            }
            return entries;
        }

        /** The first of our preferences for this key that the client offered. */
        private SignatureAndHashAlgorithm signatureAlgorithm(Vector<?> offered, boolean tls13) throws IOException {
            List<SignatureAndHashAlgorithm> preferred = credentials.ec
                    ? List.of(SignatureAndHashAlgorithm.getInstance(credentials.ecHash, SignatureAlgorithm.ecdsa))
                    : tls13
                            ? List.of(SignatureAndHashAlgorithm.rsa_pss_rsae_sha256, SignatureAndHashAlgorithm.rsa_pss_rsae_sha384,
                                    SignatureAndHashAlgorithm.rsa_pss_rsae_sha512)
                            : List.of(SignatureAndHashAlgorithm.rsa_pss_rsae_sha256, SignatureAndHashAlgorithm.rsa_pss_rsae_sha384,
                                    SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.rsa),
                                    SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha384, SignatureAlgorithm.rsa));
            if (offered == null) {
                // a TLS 1.2 client without signature_algorithms (RFC 5246 §7.4.1.4.1 defaults to SHA-1): refused
                throw new TlsFatalAlert(AlertDescription.handshake_failure, "no signature_algorithms offered");
            }
            for (SignatureAndHashAlgorithm candidate : preferred) {
                if (offered.contains(candidate)) {
                    return candidate;
                }
            }
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "no signature algorithm in common with the server key");
        }

        @Override
        public void notifyHandshakeComplete() throws IOException {
            super.notifyHandshakeComplete();
            SecurityParameters connection = context.getSecurityParametersConnection();
            if (TlsUtils.isTLSv13(connection.getNegotiatedVersion())) {
                version = "TLSv1.3";
                keyMaterial = context.exportKeyingMaterial("EXPORTER_EAP_TLS_Key_Material", new byte[] {(byte) eapType}, 128);
                ttlsChallenge = context.exportKeyingMaterial("ttls challenge", new byte[0], 17);
            } else {
                version = "TLSv1.2";
                byte[] seed = org.bouncycastle.util.Arrays.concatenate(connection.getClientRandom(), connection.getServerRandom());
                keyMaterial = TlsUtils.PRF(connection, connection.getMasterSecret(), tls12Label, seed, 128).extract();
                ttlsChallenge = TlsUtils.PRF(connection, connection.getMasterSecret(), "ttls challenge", seed, 17).extract();
            }
        }
    }

}
