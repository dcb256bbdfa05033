package dev.signet.radius.adapter;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RFC 5080 section 2.2.2: a request with the same source (address and port), identifier and
 * request authenticator as one seen within the last few seconds is a retransmission. While the
 * first copy is being decided, copies are dropped; once it is answered, they get the same answer
 * again, so a retransmission never causes a second decision (nor a second audit row, nor a second
 * failed attempt against the lockout). Bounded: past {@code capacity} pending entries, old ones go.
 */
final class DuplicateCache {
    record Key(InetSocketAddress source, int identifier, int code, byte[] authenticator) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && source.equals(that.source) && identifier == that.identifier && code == that.code
                    && Arrays.equals(authenticator, that.authenticator);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * source.hashCode() + identifier) + Arrays.hashCode(authenticator);
        }
    }

    /** What the cache says of a request. */
    sealed interface Seen permits Fresh, InProgress, Answered {
    }

    record Fresh() implements Seen {
    }

    record InProgress() implements Seen {
    }

    record Answered(byte[] reply) implements Seen {
    }

    private static final class Slot {
        final long seenAt;
        volatile byte[] reply;

        Slot(long seenAt) {
            this.seenAt = seenAt;
        }
    }

    private final long windowNanos;
    private final int capacity;
    private final Map<Key, Slot> slots = new ConcurrentHashMap<>();

    DuplicateCache(long windowMillis, int capacity) {
        this.windowNanos = windowMillis * 1_000_000L;
        this.capacity = capacity;
    }

    /** Registers the request as seen (if it is fresh) and says what it is. */
    Seen see(Key key) {
        long now = System.nanoTime();
        Slot mine = new Slot(now);
        Slot existing = slots.putIfAbsent(key, mine);
        if (existing != null && now - existing.seenAt > windowNanos) {
            // an old entry the sweep has not reached: this is a new request that happens to look the same
            if (slots.replace(key, existing, mine)) {
                existing = null;
            } else {
                return see(key);
            }
        }
        if (existing == null) {
            if (slots.size() > capacity) {
                sweep(now);
            }
            return new Fresh();
        }
        byte[] reply = existing.reply;
        return reply == null ? new InProgress() : new Answered(reply.clone());
    }

    /** The answer a fresh request got; its retransmissions get it too. */
    void answered(Key key, byte[] reply) {
        Slot slot = slots.get(key);
        if (slot != null) {
            slot.reply = reply.clone();
        }
    }

    /** A fresh request was dropped (not answered): a retransmission is then decided anew. */
    void forget(Key key) {
        slots.remove(key);
    }

    Optional<Integer> size() {
        return Optional.of(slots.size());
    }

    private void sweep(long now) {
        for (Iterator<Slot> it = slots.values().iterator(); it.hasNext(); ) {
            if (now - it.next().seenAt > windowNanos) {
                it.remove();
            }
        }
        // still full of recent requests (a flood): the cache gives up its memory, not the server
        if (slots.size() > capacity) {
            slots.clear();
        }
    }
}
