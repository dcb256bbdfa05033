package dev.signet.directory;

import dev.signet.adapter.ldap.LdapFilter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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
    static Optional<String> exceeded(LdapFilter filter) {
        // iterative, so a filter's shape cannot exhaust the stack here either
        Deque<LdapFilter> open = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        open.push(filter);
        depths.push(1);
        int elements = 0;
        while (!open.isEmpty()) {
            LdapFilter next = open.pop();
            int depth = depths.pop();
            if (++elements > MAX_ELEMENTS) {
                return Optional.of("the filter has more than " + MAX_ELEMENTS + " elements");
            }
            if (depth > MAX_DEPTH) {
                return Optional.of("the filter nests deeper than " + MAX_DEPTH + " levels");
            }
            List<LdapFilter> components = next instanceof LdapFilter.And and ? and.components()
                    : next instanceof LdapFilter.Or or ? or.components()
                    : next instanceof LdapFilter.Not not ? List.of(not.component()) : List.of();
            for (LdapFilter component : components) {
                open.push(component);
                depths.push(depth + 1);
            }
        }
        return Optional.empty();
    }
}
