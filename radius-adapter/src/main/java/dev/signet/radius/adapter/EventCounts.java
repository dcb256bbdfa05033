package dev.signet.radius.adapter;

import dev.signet.adapter.radius.RadiusEvent;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** What the listener handled by itself, counted until the next report to the core's metrics. */
final class EventCounts {
    private final AtomicLongArray counts = new AtomicLongArray(RadiusEvent.values().length);

    void add(RadiusEvent event) {
        counts.incrementAndGet(event.ordinal());
    }

    /** The counts since the last call, and zero from now on. */
    Map<RadiusEvent, Long> drain() {
        Map<RadiusEvent, Long> drained = new EnumMap<>(RadiusEvent.class);
        for (RadiusEvent event : RadiusEvent.values()) {
            long n = counts.getAndSet(event.ordinal(), 0);
            if (n > 0) {
                drained.put(event, n);
            }
        }
        return drained;
    }

    /** Counts taken by {@link #drain} that could not be reported go back. */
    void restore(Map<RadiusEvent, Long> drained) {
        drained.forEach((event, n) -> counts.addAndGet(event.ordinal(), n));
    }
}
