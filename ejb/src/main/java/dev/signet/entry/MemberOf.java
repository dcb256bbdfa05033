package dev.signet.entry;

import jakarta.annotation.security.PermitAll;
import dev.signet.model.Entry;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps {@code memberof} true: after a write changes who is in which group, every entry whose
 * transitive memberships may have changed gets them recomputed, inside the same transaction.
 * Reads never walk groups.
 *
 * <p>Affected are the changed entries and everything below them (the members of a changed group,
 * their members, ...). For each, memberof is the set of groups reachable upwards through direct
 * memberships; a visited set makes cycles terminate, and a group in a cycle is its own member,
 * as in Kanidm.
 */
// access is decided in code (AccessControl), per entry and attribute, not by container roles
@PermitAll
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class MemberOf {
    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    /** Changes touching more entries than this recompute from the whole membership graph, read once. */
    private static final int WHOLE_GRAPH_ABOVE = 2000;

    public void refresh(Collection<UUID> changed) {
        if (changed.isEmpty()) {
            return;
        }
        em.flush();
        Set<UUID> affected;
        java.util.function.Function<UUID, Set<UUID>> parentsOf;
        if (changed.size() > WHOLE_GRAPH_ABOVE) {
            // a sync run: one read of every live membership beats hundreds of IN-list queries
            Map<UUID, Set<UUID>> children = new HashMap<>();
            Map<UUID, Set<UUID>> parents = new HashMap<>();
            for (Object[] edge : em.createQuery("select g.uuid, m from Group g join g.members m where g.recycledAt is null", Object[].class)
                    .getResultList()) {
                children.computeIfAbsent((UUID) edge[0], g -> new HashSet<>()).add((UUID) edge[1]);
                parents.computeIfAbsent((UUID) edge[1], m -> new HashSet<>()).add((UUID) edge[0]);
            }
            affected = new HashSet<>(changed);
            Deque<UUID> todo = new ArrayDeque<>(changed);
            while (!todo.isEmpty()) {
                for (UUID member : children.getOrDefault(todo.pop(), Set.of())) {
                    if (affected.add(member)) {
                        todo.add(member);
                    }
                }
            }
            parentsOf = m -> parents.getOrDefault(m, Set.of());
        } else {
            affected = withDescendants(changed);
            Map<UUID, Set<UUID>> parents = upwards(affected);
            parentsOf = m -> parents.getOrDefault(m, Set.of());
        }
        for (UUID uuid : affected) {
            Entry entry = em.find(Entry.class, uuid);
            if (entry != null) {
                entry.replaceMemberOf(ancestors(uuid, parentsOf));
            }
        }
    }

    private Set<UUID> withDescendants(Collection<UUID> roots) {
        Set<UUID> seen = new HashSet<>(roots);
        Set<UUID> frontier = new HashSet<>(roots);
        while (!frontier.isEmpty()) {
            Set<UUID> next = new HashSet<>();
            for (List<UUID> chunk : chunks(frontier)) {
                for (UUID member : em.createQuery(
                                "select m from Group g join g.members m where g.uuid in :groups and g.recycledAt is null", UUID.class)
                        .setParameter("groups", chunk).getResultList()) {
                    if (seen.add(member)) {
                        next.add(member);
                    }
                }
            }
            frontier = next;
        }
        return seen;
    }

    /** The direct parents of many entries at once (a sync run touches thousands); the walk up asks singly for the rest. */
    private Map<UUID, Set<UUID>> directParents(Set<UUID> members) {
        Map<UUID, Set<UUID>> parents = new HashMap<>();
        for (List<UUID> chunk : chunks(members)) {
            chunk.forEach(m -> parents.put(m, new HashSet<>()));
            for (Object[] row : em.createQuery("select m, g.uuid from Group g join g.members m where m in :members and g.recycledAt is null",
                    Object[].class).setParameter("members", chunk).getResultList()) {
                parents.get((UUID) row[0]).add((UUID) row[1]);
            }
        }
        return parents;
    }

    /** IN lists of at most 1000: well below PostgreSQL's 32767 parameters per statement. */
    private static List<List<UUID>> chunks(Set<UUID> all) {
        List<UUID> list = new java.util.ArrayList<>(all);
        List<List<UUID>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i += 1000) {
            chunks.add(list.subList(i, Math.min(list.size(), i + 1000)));
        }
        return chunks;
    }

    private Set<UUID> ancestors(UUID start, java.util.function.Function<UUID, Set<UUID>> parentsOf) {
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

    /** The direct parents of the entries and of every group above them, one level (a few IN-list queries) at a time. */
    private Map<UUID, Set<UUID>> upwards(Set<UUID> entries) {
        Map<UUID, Set<UUID>> parents = new HashMap<>();
        Set<UUID> level = entries;
        while (!level.isEmpty()) {
            Map<UUID, Set<UUID>> found = directParents(level);
            parents.putAll(found);
            Set<UUID> next = new HashSet<>();
            found.values().forEach(groups -> groups.stream().filter(g -> !parents.containsKey(g)).forEach(next::add));
            level = next;
        }
        return parents;
    }

    /** The groups that have {@code member} as a direct member. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<UUID> directGroupsOf(UUID member) {
        return em.createQuery("select g.uuid from Group g join g.members m where m = :member and g.recycledAt is null", UUID.class)
                .setParameter("member", member).getResultList();
    }
}
