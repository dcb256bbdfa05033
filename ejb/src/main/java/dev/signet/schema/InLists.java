package dev.signet.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Splits the values of an {@code IN (...)} list: at most {@link #CHUNK} bind parameters per
 * statement, well below PostgreSQL's 32767, so a sync run of 100k entries asks in 100 queries.
 */
public final class InLists {
    public static final int CHUNK = 1000;

    private InLists() {
    }

    public static <T> List<List<T>> chunks(Collection<T> all) {
        List<T> list = all instanceof List<T> l ? l : new ArrayList<>(all);
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += CHUNK) {
            chunks.add(list.subList(i, Math.min(list.size(), i + CHUNK)));
        }
        return chunks;
    }
}
