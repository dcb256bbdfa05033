package dev.signet.radius.eap;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;

/**
 * The cluster's conversation store: the distributed Infinispan cache {@code signet/eap}
 * (two owners, entries expiring with the conversation; defined in {@code signet.cli}). The
 * container marshals byte arrays and strings natively (ProtoStream), so the record crosses
 * nodes as it is; JGroups encrypts it between them.
 *
 * <p>Wiring: {@code @Resource(lookup = "java:jboss/infinispan/cache/signet/eap") Cache<String,
 * byte[]> cache;} then {@code new InfinispanConversationStore(cache)}.
 */
public final class InfinispanConversationStore implements ConversationStore {
    private final Cache<String, byte[]> cache;

    public InfinispanConversationStore(Cache<String, byte[]> cache) {
        this.cache = cache;
    }

    @Override
    public Optional<byte[]> get(String state) {
        return Optional.ofNullable(cache.get(state));
    }

    @Override
    public void put(String state, byte[] record, Duration lifespan) {
        cache.put(state, record, lifespan.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void remove(String state) {
        cache.remove(state);
    }
}
