package dev.signet.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** memberof as Kanidm's plugin tests it: single, nested, a cycle, two cycles joined. */
class MemberOfWalkTest {
    /** group -> direct members. */
    private final Map<UUID, Set<UUID>> members = new HashMap<>();

    private UUID entry() {
        return UUID.randomUUID();
    }

    private void add(UUID group, UUID member) {
        members.computeIfAbsent(group, g -> new HashSet<>()).add(member);
    }

    private Set<UUID> parentsOf(UUID member) {
        Set<UUID> parents = new HashSet<>();
        members.forEach((g, ms) -> {
            if (ms.contains(member)) {
                parents.add(g);
            }
        });
        return parents;
    }

    private Set<UUID> memberOf(UUID entry) {
        return MemberOfWalk.ancestors(entry, this::parentsOf);
    }

    private List<UUID> membersOfLevel(Set<UUID> groups) {
        List<UUID> found = new ArrayList<>();
        groups.forEach(g -> found.addAll(members.getOrDefault(g, Set.of())));
        return found;
    }

    @Test
    void aDirectMemberIsMemberOfItsGroupOnly() {
        UUID person = entry();
        UUID group = entry();
        add(group, person);
        assertEquals(Set.of(group), memberOf(person));
        assertEquals(Set.of(), memberOf(group));
    }

    @Test
    void nestedGroupsGiveEveryGroupAbove() {
        UUID person = entry();
        UUID team = entry();
        UUID dept = entry();
        UUID company = entry();
        add(team, person);
        add(dept, team);
        add(company, dept);
        assertEquals(Set.of(team, dept, company), memberOf(person));
        assertEquals(Set.of(dept, company), memberOf(team));
    }

    @Test
    void aCycleEndsAndEachGroupInItIsItsOwnMember() {
        UUID a = entry();
        UUID b = entry();
        UUID person = entry();
        add(a, b);
        add(b, a);
        add(a, person);
        assertEquals(Set.of(a, b), memberOf(a));
        assertEquals(Set.of(a, b), memberOf(b));
        assertEquals(Set.of(a, b), memberOf(person));
    }

    @Test
    void twoCyclesJoinedReachEachOther() {
        UUID a = entry();
        UUID b = entry();
        UUID c = entry();
        UUID d = entry();
        add(a, b);
        add(b, a);
        add(c, d);
        add(d, c);
        add(c, a); // the a-b cycle sits inside the c-d cycle
        assertEquals(Set.of(a, b, c, d), memberOf(a));
        assertEquals(Set.of(c, d), memberOf(c));
    }

    @Test
    void whatChangedReachesEverythingBelowItAndStopsInCycles() {
        UUID top = entry();
        UUID mid = entry();
        UUID person = entry();
        UUID unrelated = entry();
        add(top, mid);
        add(mid, person);
        add(mid, top);
        assertEquals(Set.of(top, mid, person), MemberOfWalk.withDescendants(Set.of(top), this::membersOfLevel));
        assertEquals(Set.of(unrelated), MemberOfWalk.withDescendants(Set.of(unrelated), this::membersOfLevel));
    }

    @Test
    void upwardsCollectsEveryLevelOnceEvenInACycle() {
        UUID a = entry();
        UUID b = entry();
        UUID person = entry();
        add(a, b);
        add(b, a);
        add(b, person);
        List<Set<UUID>> asked = new ArrayList<>();
        Map<UUID, Set<UUID>> parents = MemberOfWalk.upwards(Set.of(person), level -> {
            asked.add(level);
            Map<UUID, Set<UUID>> found = new HashMap<>();
            level.forEach(m -> found.put(m, parentsOf(m)));
            return found;
        });
        assertEquals(Set.of(b), parents.get(person));
        assertEquals(Set.of(a), parents.get(b));
        assertEquals(Set.of(b), parents.get(a));
        assertEquals(3, asked.size(), "one question per level: person, b, a");
    }
}
