package dev.signet.radius.eap;

import java.time.Duration;

/**
 * The bounds that keep one peer, or many, from holding the server's memory.
 *
 * @param maxEapMessage       one EAP-Message value (a RADIUS packet has 4096 bytes at most, RFC 2865 §3)
 * @param maxTlsMessage       one reassembled TLS message from the peer (we ask no client certificate;
 *                            a ClientHello with post-quantum key shares stays far below)
 * @param fragmentSize        TLS data per EAP message we send (about four EAP-Message attributes)
 * @param maxRounds           round trips in one conversation (PEAP with a long chain needs about 12)
 * @param maxConversationBytes the peer's bytes over a whole conversation, what the store keeps for replay
 * @param maxOpen             conversations open on one node at once; beyond, new ones are refused (a live
 *                            conversation holds about 10 KB, its TLS engine most of it: 4096 of them about 40 MB)
 * @param timeout             a conversation's lifetime without a round trip (FreeRADIUS' eap timer_expire is 60 s)
 */
public record EapLimits(int maxEapMessage, int maxTlsMessage, int fragmentSize, int maxRounds, int maxConversationBytes,
        int maxOpen, Duration timeout) {

    public static final EapLimits DEFAULT = new EapLimits(4096, 16384, 1024, 40, 65536, 4096, Duration.ofSeconds(60));
}
