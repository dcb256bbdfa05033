package dev.signet.ldap.adapter;

/**
 * What the gateway's TLS offers: TLS 1.3, and TLS 1.2 only with forward secrecy (ECDHE) and an
 * AEAD cipher (GCM, ChaCha20-Poly1305). No static-RSA key exchange, no CBC, no SHA-1 MACs: the
 * same set signet.cli gives the HTTPS listener (Mozilla's "intermediate" profile). ECDSA and RSA
 * suites both, so an operator's RSA key pair works as well as the generated P-256 one.
 */
final class TlsPolicy {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    static final String[] CIPHER_SUITES = {
        "TLS_AES_128_GCM_SHA256",
        "TLS_AES_256_GCM_SHA384",
        "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
    };

    private TlsPolicy() {
    }
}
