package dev.signet.directory;

import com.unboundid.ldap.sdk.Filter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * How large a search filter the directory agrees to evaluate. The database's cost grows with the
 * square of the terms of an OR (20,000 terms took 7 s; one 2 MiB PDU carries 120,000), so a filter
 * past these bounds is refused with adminLimitExceeded before it is translated. Real clients stay
 * far below: nslcd's widest filter has a handful of elements, a sync client's a few dozen.
 */
final class LdapFilterBounds {
    /** Elements: every AND, OR and NOT, and every leaf (equality, presence, substring, ...). */
    static final int MAX_ELEMENTS = 512;
    /** Nesting of AND, OR and NOT inside each other. */
    static final int MAX_DEPTH = 32;

    private LdapFilterBounds() {
    }

    /** Why {@code filter} is too large to evaluate, or empty when it is within the bounds. */
    static Optional<String> exceeded(Filter filter) {
        // iterative, so a filter's shape cannot exhaust the stack here either
        Deque<Filter> open = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        open.push(filter);
        depths.push(1);
        int elements = 0;
        while (!open.isEmpty()) {
            Filter next = open.pop();
            int depth = depths.pop();
            if (++elements > MAX_ELEMENTS) {
                return Optional.of("the filter has more than " + MAX_ELEMENTS + " elements");
            }
            if (depth > MAX_DEPTH) {
                return Optional.of("the filter nests deeper than " + MAX_DEPTH + " levels");
            }
            switch (next.getFilterType()) {
                case Filter.FILTER_TYPE_AND, Filter.FILTER_TYPE_OR -> {
                    for (Filter component : next.getComponents()) {
                        open.push(component);
                        depths.push(depth + 1);
                    }
                }
                case Filter.FILTER_TYPE_NOT -> {
                    open.push(next.getNOTComponent());
                    depths.push(depth + 1);
                }
                default -> {
                    // a leaf
                }
            }
        }
        return Optional.empty();
    }
}
