package dev.signet.entry;

import java.util.List;

/**
 * One invariant of entries, kept on every write ({@link WritePath} runs them in a fixed order).
 * Each method takes the whole set of writes: one entry from REST and 100,000 from a sync run go
 * through the same code, which asks the database once per set (or per thousand), not per entry.
 */
public interface WriteRule {
    /** Before anything is stored: refuse what breaks the invariant, or complete the writes (a POSIX id). */
    default void before(List<EntryWrite> writes, Refusals refusals) {
    }

    /** After the writes are stored and flushed: repair what they changed for others (references, memberof). */
    default void after(List<EntryWrite> writes) {
    }
}
