package dev.signet.radius.eap;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.prng.EntropySource;
import org.bouncycastle.crypto.prng.drbg.HMacSP800DRBG;

/**
 * A deterministic HMAC-DRBG (NIST SP 800-90A, HMAC-SHA-256, 256-bit strength) instantiated from
 * one 32-byte conversation seed: every random byte a conversation's TLS server and inner
 * methods draw (TLS randoms, ECDHE keys, signature nonces, MS-CHAPv2 challenges, EAP
 * identifiers) comes from here, so that replaying the peer's messages against a fresh
 * conversation built from the same seed reproduces every server message bit for bit. That is
 * what lets a conversation continue on a node that never saw it (see {@link EapServer}).
 *
 * <p>The seed is therefore as secret as the conversation's TLS keys: it lives only in the
 * conversation store for the conversation's lifetime, and is fresh from a system
 * {@link SecureRandom} for each conversation.
 */
final class SeededRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private static final byte[] PERSONALIZATION = "signet eap conversation".getBytes(StandardCharsets.US_ASCII);

    SeededRandom(byte[] seed32) {
        super(new Drbg(seed32), null);
    }

    @Override
    public String getAlgorithm() {
        return "HMAC-DRBG-SHA256-seeded";
    }

    private static final class Drbg extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;
        private final transient HMacSP800DRBG drbg;

        Drbg(byte[] seed) {
            byte[] entropy = seed.clone();
            EntropySource source = new EntropySource() {
                private int calls;

                @Override
                public boolean isPredictionResistant() {
                    return false;
                }

                @Override
                public byte[] getEntropy() {
                    // first the seed; a reseed (after 2^48 requests, never in practice) derives more from it, still deterministic
                    if (calls++ == 0) {
                        return entropy.clone();
                    }
                    SHA256Digest sha = new SHA256Digest();
                    sha.update(entropy, 0, entropy.length);
                    sha.update((byte) calls);
                    byte[] out = new byte[32];
                    sha.doFinal(out, 0);
                    return out;
                }

                @Override
                public int entropySize() {
                    return 256;
                }
            };
            drbg = new HMacSP800DRBG(new HMac(new SHA256Digest()), 256, source, PERSONALIZATION, new byte[16]);
        }

        @Override
        protected synchronized void engineSetSeed(byte[] seed) {
            drbg.reseed(seed);
        }

        @Override
        protected synchronized void engineNextBytes(byte[] bytes) {
            int off = 0;
            byte[] chunk = new byte[Math.min(bytes.length, 4096)];
            while (off < bytes.length) {
                int n = Math.min(chunk.length, bytes.length - off);
                byte[] part = n == chunk.length ? chunk : new byte[n];
                if (drbg.generate(part, null, false) < 0) {
                    drbg.reseed(null);
                    continue;
                }
                System.arraycopy(part, 0, bytes, off, n);
                off += n;
            }
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            byte[] out = new byte[numBytes];
            engineNextBytes(out);
            return out;
        }
    }
}
