package dev.signet.radius.eap;

import java.time.Duration;
import java.util.Optional;

/**
 * Where EAP conversations outlive one RADIUS round trip and one node: opaque records keyed by
 * the hex of the State attribute's value. In a cluster, every node must see the same store
 * (Signet backs it with the distributed Infinispan cache {@code signet/eap}, see {@link
 * InfinispanConversationStore}); {@link LocalConversationStore} serves one node alone.
 *
 * <p>A record holds the conversation's DRBG seed and the peer's messages so far, so it is as
 * secret as the TLS session: never log it, never persist it to disk.
 */
public interface ConversationStore {
    Optional<byte[]> get(String state);

    /** Replaces the record; it disappears by itself after {@code lifespan}. */
    void put(String state, byte[] record, Duration lifespan);

    void remove(String state);
}
