package dev.signet.radius.eap;

import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;

/**
 * The cluster's conversation store: the distributed Infinispan cache {@code signet/eap}
 * (two owners, entries expiring with the conversation; defined in {@code signet.cli}). Records
 * travel as Base64 strings, the one value type every other Signet cache already marshals between
 * nodes (ProtoStream); JGroups encrypts them on the way.
 *
 * <p>Wiring: {@code @Resource(lookup = "java:jboss/infinispan/cache/signet/eap") Cache<String,
 * String> cache;} then {@code new InfinispanConversationStore(cache)}.
 */
public final class InfinispanConversationStore implements ConversationStore {
    private static final Base64.Encoder ENCODER = Base64.getEncoder();
    private static final Base64.Decoder DECODER = Base64.getDecoder();
    private final Cache<String, String> cache;

    public InfinispanConversationStore(Cache<String, String> cache) {
        this.cache = cache;
    }

    @Override
    public Optional<byte[]> get(String state) {
        String record = cache.get(state);
        if (record == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(DECODER.decode(record));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(String state, byte[] record, Duration lifespan) {
        cache.put(state, ENCODER.encodeToString(record), lifespan.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void remove(String state) {
        cache.remove(state);
    }
}
