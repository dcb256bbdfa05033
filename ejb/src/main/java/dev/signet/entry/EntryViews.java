package dev.signet.entry;

import dev.signet.schema.InLists;
import jakarta.annotation.security.PermitAll;
import dev.signet.access.AccessControl;
import dev.signet.access.Caller;
import dev.signet.model.Entry;
import dev.signet.model.Group;
import dev.signet.schema.AttributeDefinition;
import dev.signet.schema.Schema;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns entries into what a caller may see of them. References (member, memberof,
 * directmemberof) are shown as spns, resolved for a whole page in a few queries rather than one
 * per value.
 */
@PermitAll
@Stateless
public class EntryViews {
    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private EntryLookup lookup;

    public EntryView of(Entry entry, Caller caller) {
        return of(List.of(entry), caller).get(0);
    }

    public List<EntryView> of(List<? extends Entry> entries, Caller caller) {
        return of(entries, caller, Schema.names());
    }

    /**
     * The views with only the {@code wanted} attributes (schema names): what is not wanted is not
     * read, so a caller asking for two attributes (an LDAP search) costs no reference lookups.
     */
    public List<EntryView> of(List<? extends Entry> entries, Caller caller, Set<String> wanted) {
        String suffix = lookup.spnOf(""); // "@domain", asked once rather than per reference
        return of(entries, caller, wanted, name -> name + suffix);
    }

    /**
     * The views with references in the form a protocol shows them: {@code reference} maps the
     * referenced entry's name to it (an LDAP DN), so a reference is mapped from its UUID once.
     */
    public List<EntryView> of(List<? extends Entry> entries, Caller caller, Set<String> wanted, Function<String, String> reference) {
        if (entries.isEmpty()) {
            return List.of();
        }
        boolean references = wanted.contains(Schema.MEMBER) || wanted.contains(Schema.MEMBEROF) || wanted.contains(Schema.DIRECTMEMBEROF);
        Map<UUID, List<UUID>> direct = wanted.contains(Schema.DIRECTMEMBEROF) ? directGroups(entries.stream().map(Entry::uuid).toList()) : Map.of();
        Set<UUID> referenced = new HashSet<>();
        for (Entry e : entries) {
            if (wanted.contains(Schema.MEMBEROF)) {
                referenced.addAll(e.memberOf());
            }
            referenced.addAll(direct.getOrDefault(e.uuid(), List.of()));
            if (e instanceof Group g && wanted.contains(Schema.MEMBER)) {
                referenced.addAll(g.members());
            }
        }
        Map<UUID, String> shown = new HashMap<>();
        if (references) {
            lookup.names(referenced).forEach((uuid, name) -> shown.put(uuid, reference.apply(name)));
        }
        List<EntryView> views = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            views.add(view(e, caller, shown, direct.getOrDefault(e.uuid(), List.of()), wanted));
        }
        return views;
    }

    private EntryView view(Entry e, Caller caller, Map<UUID, String> spns, List<UUID> directGroups, Set<String> wanted) {
        Map<String, List<String>> attrs = new LinkedHashMap<>();
        for (AttributeDefinition def : Schema.all()) {
            if (!wanted.contains(def.name()) || !def.appliesTo(e.kind()) || !AccessControl.mayRead(caller, e, def)) {
                continue;
            }
            List<String> values = switch (def.name()) {
                case Schema.SPN -> List.of(lookup.spn(e));
                case Schema.MEMBER -> references(((Group) e).members(), spns);
                case Schema.MEMBEROF -> references(e.memberOf(), spns);
                case Schema.DIRECTMEMBEROF -> references(directGroups, spns);
                default -> AttributeBinding.read(e, def.name());
            };
            if (!values.isEmpty()) {
                attrs.put(def.name(), values);
            }
        }
        return new EntryView(e.kind(), e.uuid(), attrs);
    }

    private static List<String> references(Collection<UUID> uuids, Map<UUID, String> spns) {
        return uuids.stream().map(spns::get).filter(Objects::nonNull).sorted().toList();
    }

    private Map<UUID, List<UUID>> directGroups(List<UUID> members) {
        Map<UUID, List<UUID>> direct = new HashMap<>();
        for (List<UUID> chunk : InLists.chunks(members)) {
            for (Object[] row : em.createQuery(
                            "select m, g.uuid from Group g join g.members m where m in :members and g.recycledAt is null", Object[].class)
                    .setParameter("members", chunk).getResultList()) {
                direct.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((UUID) row[1]);
            }
        }
        return direct;
    }
}
