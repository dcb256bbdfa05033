package dev.signet.radius.eap;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A conversation store in this node's memory, for a single node and for tests: entries expire
 * by the given clock; at most {@code maxEntries} are kept (beyond, expired ones are swept and
 * then the put is dropped, which ends that conversation at its next round trip).
 */
public final class LocalConversationStore implements ConversationStore {
    private record Entry(byte[] record, long expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final LongSupplier clockMillis;

    public LocalConversationStore() {
        this(EapLimits.DEFAULT.maxOpen(), System::currentTimeMillis);
    }

    public LocalConversationStore(int maxEntries, LongSupplier clockMillis) {
        this.maxEntries = maxEntries;
        this.clockMillis = clockMillis;
    }

    @Override
    public Optional<byte[]> get(String state) {
        Entry entry = entries.get(state);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.expiresAt() <= clockMillis.getAsLong()) {
            entries.remove(state, entry);
            return Optional.empty();
        }
        return Optional.of(entry.record());
    }

    @Override
    public void put(String state, byte[] record, Duration lifespan) {
        long now = clockMillis.getAsLong();
        if (entries.size() >= maxEntries && !entries.containsKey(state)) {
            entries.values().removeIf(e -> e.expiresAt() <= now);
            if (entries.size() >= maxEntries) {
                return;
            }
        }
        entries.put(state, new Entry(record, now + lifespan.toMillis()));
    }

    @Override
    public void remove(String state) {
        entries.remove(state);
    }

    int size() {
        return entries.size();
    }
}
