package dev.signet.entry;

import dev.signet.model.Entry;
import dev.signet.schema.InLists;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Recomputes {@code memberof} after a write changed who is in which group, inside the same
 * transaction ({@link MemberOfIsTransitive} asks it after every write); reads never walk groups.
 *
 * <p>Affected are the changed entries and everything below them (the members of a changed group,
 * their members, ...). For each, memberof is the set of groups reachable upwards through direct
 * memberships of live groups ({@link MemberOfWalk}).
 */
// access checked: by the callers of the write path (AccessControl)
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
        Function<UUID, Set<UUID>> parentsOf;
        if (changed.size() > WHOLE_GRAPH_ABOVE) {
            // a sync run: one read of every live membership beats hundreds of IN-list queries
            Map<UUID, Set<UUID>> children = new HashMap<>();
            Map<UUID, Set<UUID>> parents = new HashMap<>();
            for (Object[] edge : em.createQuery("select g.uuid, m from Group g join g.members m where g.recycledAt is null", Object[].class)
                    .getResultList()) {
                children.computeIfAbsent((UUID) edge[0], g -> new HashSet<>()).add((UUID) edge[1]);
                parents.computeIfAbsent((UUID) edge[1], m -> new HashSet<>()).add((UUID) edge[0]);
            }
            affected = MemberOfWalk.withDescendants(changed, level -> {
                List<UUID> members = new ArrayList<>();
                level.forEach(g -> members.addAll(children.getOrDefault(g, Set.of())));
                return members;
            });
            parentsOf = m -> parents.getOrDefault(m, Set.of());
        } else {
            affected = MemberOfWalk.withDescendants(changed, this::directMembers);
            Map<UUID, Set<UUID>> parents = MemberOfWalk.upwards(affected, this::directParents);
            parentsOf = m -> parents.getOrDefault(m, Set.of());
        }
        for (UUID uuid : affected) {
            Entry entry = em.find(Entry.class, uuid);
            if (entry != null) {
                entry.replaceMemberOf(MemberOfWalk.ancestors(uuid, parentsOf));
            }
        }
    }

    private List<UUID> directMembers(Set<UUID> groups) {
        List<UUID> members = new ArrayList<>();
        for (List<UUID> chunk : InLists.chunks(groups)) {
            members.addAll(em.createQuery("select m from Group g join g.members m where g.uuid in :groups and g.recycledAt is null", UUID.class)
                    .setParameter("groups", chunk).getResultList());
        }
        return members;
    }

    /** The direct parents of many entries at once (a sync run touches thousands). */
    private Map<UUID, Set<UUID>> directParents(Set<UUID> members) {
        Map<UUID, Set<UUID>> parents = new HashMap<>();
        for (List<UUID> chunk : InLists.chunks(members)) {
            chunk.forEach(m -> parents.put(m, new HashSet<>()));
            for (Object[] row : em.createQuery("select m, g.uuid from Group g join g.members m where m in :members and g.recycledAt is null",
                    Object[].class).setParameter("members", chunk).getResultList()) {
                parents.get((UUID) row[0]).add((UUID) row[1]);
            }
        }
        return parents;
    }
}
