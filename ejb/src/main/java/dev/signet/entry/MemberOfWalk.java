package dev.signet.entry;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The graph walks behind memberof, apart from where the edges come from (a few IN-list queries
 * per level, or the whole membership graph read once). Visited sets make cycles terminate; a
 * group in a cycle is its own member, as in Kanidm.
 */
final class MemberOfWalk {
    private MemberOfWalk() {
    }

    /** {@code roots} and everything below them; {@code membersOf} gives the direct members of a level of groups at once. */
    static Set<UUID> withDescendants(Collection<UUID> roots, Function<Set<UUID>, Collection<UUID>> membersOf) {
        Set<UUID> seen = new HashSet<>(roots);
        Set<UUID> frontier = new HashSet<>(roots);
        while (!frontier.isEmpty()) {
            Set<UUID> next = new HashSet<>();
            for (UUID member : membersOf.apply(frontier)) {
                if (seen.add(member)) {
                    next.add(member);
                }
            }
            frontier = next;
        }
        return seen;
    }

    /**
     * The direct parents of {@code entries} and of every group above them, one level at a time;
     * {@code parentsOf} answers a level at once (every entry of it a key, maybe with no groups).
     */
    static Map<UUID, Set<UUID>> upwards(Set<UUID> entries, Function<Set<UUID>, Map<UUID, Set<UUID>>> parentsOf) {
        Map<UUID, Set<UUID>> parents = new HashMap<>();
        Set<UUID> level = entries;
        while (!level.isEmpty()) {
            Map<UUID, Set<UUID>> found = parentsOf.apply(level);
            parents.putAll(found);
            level.forEach(e -> parents.putIfAbsent(e, Set.of()));
            Set<UUID> next = new HashSet<>();
            found.values().forEach(groups -> groups.stream().filter(g -> !parents.containsKey(g)).forEach(next::add));
            level = next;
        }
        return parents;
    }

    /** Every group reachable upwards from {@code start} through direct memberships: its memberof. */
    static Set<UUID> ancestors(UUID start, Function<UUID, Set<UUID>> parentsOf) {
        Set<UUID> result = new HashSet<>();
        Deque<UUID> todo = new ArrayDeque<>(parentsOf.apply(start));
        while (!todo.isEmpty()) {
            UUID group = todo.pop();
            if (result.add(group)) {
                todo.addAll(parentsOf.apply(group));
            }
        }
        return result;
    }
}
