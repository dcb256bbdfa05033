package dev.signet.entry;

import dev.signet.model.Entry;
import dev.signet.schema.AttributeDefinition;
import dev.signet.schema.Schema;
import dev.signet.schema.ValueClaim;
import dev.signet.schema.ValueClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the schema's unique attributes unique among live entries (a name also among OAuth2 clients
 * and sync accounts, which share the namespace): a value is free, or held by the writing entry
 * itself, or given up by another write of the same set. Last of the pre-write rules, as in Kanidm,
 * because every rule before may still change values. The values are then claimed in
 * {@link ValueClaims}, whose unique index settles two writers racing.
 */
@ApplicationScoped
public class UniqueValues implements WriteRule {
    /** The unique attributes a write can set: name and mail (uuid, spn and gidnumber Signet sets itself). */
    static final List<String> ATTRIBUTES = Schema.all().stream().filter(AttributeDefinition::unique)
            .filter(AttributeDefinition::writable).map(AttributeDefinition::name).toList();

    @Inject
    private ValueClaims claims;

    /** One value a write will hold. */
    record Wanted(EntryWrite write, String attribute, String value) {
    }

    /** What a set of writes gives up and takes. */
    static final class Plan {
        final Map<String, Set<UUID>> released = new HashMap<>();
        final Set<UUID> releasedWhole = new HashSet<>();
        final List<Wanted> wanted = new ArrayList<>();

        /**
         * Whether the set gives the holder's value up: a recycle or purge gives up everything; a
         * change of mail gives up the old addresses. A name moves only through the recycle bin
         * within one set: the entry table's live-name index is updated after new entries are
         * inserted in one flush, so a rename cannot free a name for another write of the same set.
         */
        boolean frees(UUID holder, String attribute) {
            return releasedWhole.contains(holder)
                    || !attribute.equals(Schema.NAME) && released.getOrDefault(attribute, Set.of()).contains(holder);
        }
    }

    @Override
    public void before(List<EntryWrite> writes, Refusals refusals) {
        Plan plan = plan(writes);
        Map<String, Map<String, ValueClaims.Holder>> holders = new HashMap<>();
        for (String attribute : ATTRIBUTES) {
            Set<String> values = new LinkedHashSet<>();
            plan.wanted.stream().filter(w -> w.attribute().equals(attribute)).forEach(w -> values.add(w.value()));
            holders.put(attribute, values.isEmpty() ? Map.of() : claims.holders(attribute, values));
        }
        conflicts(plan, holders, refusals);
        if (refusals.any()) {
            return; // refused: nothing to claim
        }
        claims.releaseAll(plan.releasedWhole);
        plan.released.forEach(claims::release);
        Map<String, Map<UUID, List<String>>> byHolder = new LinkedHashMap<>();
        for (Wanted w : plan.wanted) {
            byHolder.computeIfAbsent(w.attribute(), a -> new LinkedHashMap<>()).computeIfAbsent(w.write().uuid(), u -> new ArrayList<>()).add(w.value());
        }
        byHolder.forEach((attribute, values) -> values.forEach((holder, held) ->
                claims.claim(attribute, holder, ValueClaim.HolderKind.ENTRY, held)));
    }

    /** Which values each write gives up and takes; a write that leaves an attribute as it is neither. */
    static Plan plan(List<EntryWrite> writes) {
        Plan plan = new Plan();
        for (EntryWrite write : writes) {
            Entry entry = write.entry();
            switch (write.op()) {
                case RECYCLE, PURGE -> plan.releasedWhole.add(write.uuid());
                case REVIVE -> ATTRIBUTES.forEach(a -> want(plan, write, a, current(entry, a)));
                case CREATE -> ATTRIBUTES.stream().filter(write.values()::containsKey)
                        .forEach(a -> want(plan, write, a, write.values().get(a)));
                case MODIFY, IMPORT -> {
                    boolean holdsNothing = entry == null || entry.recycled();
                    for (String attribute : ATTRIBUTES) {
                        List<String> values = write.values().get(attribute);
                        if (holdsNothing) {
                            // new, or revived by its source: it claims what it will have
                            want(plan, write, attribute, values != null ? values : entry == null ? List.of() : current(entry, attribute));
                        } else if (values != null && !new HashSet<>(values).equals(new HashSet<>(current(entry, attribute)))) {
                            plan.released.computeIfAbsent(attribute, a -> new HashSet<>()).add(write.uuid());
                            want(plan, write, attribute, values);
                        }
                    }
                }
            }
        }
        return plan;
    }

    private static void want(Plan plan, EntryWrite write, String attribute, List<String> values) {
        new LinkedHashSet<>(values).forEach(v -> plan.wanted.add(new Wanted(write, attribute, v)));
    }

    private static List<String> current(Entry entry, String attribute) {
        return switch (attribute) {
            case Schema.NAME -> List.of(entry.name());
            case Schema.MAIL -> List.copyOf(entry.mail());
            default -> AttributeBinding.read(entry, attribute);
        };
    }

    /** Every wanted value held by someone the set does not free, or wanted twice. */
    static void conflicts(Plan plan, Map<String, Map<String, ValueClaims.Holder>> holders, Refusals refusals) {
        Map<String, UUID> takenInSet = new HashMap<>();
        for (Wanted w : plan.wanted) {
            UUID self = w.write().uuid();
            UUID first = takenInSet.putIfAbsent(w.attribute() + "\u0000" + w.value(), self);
            if (first != null && !first.equals(self)) {
                refusals.conflict(w.write(), w.attribute(), w.attribute() + " " + w.value() + " twice in one change set");
                continue;
            }
            ValueClaims.Holder holder = holders.getOrDefault(w.attribute(), Map.of()).get(w.value());
            if (holder == null || holder.holder().equals(self) || plan.frees(holder.holder(), w.attribute())) {
                continue;
            }
            refusals.conflict(w.write(), w.attribute(), w.write().op() == EntryWrite.Op.REVIVE
                    ? w.attribute() + " " + w.value() + " was taken while " + w.write().label() + " was in the recycle bin"
                    : w.attribute() + " " + w.value() + " is taken by " + describe(holder, w.write()));
        }
    }

    private static String describe(ValueClaims.Holder holder, EntryWrite write) {
        return switch (holder.kind()) {
            case OAUTH2_CLIENT -> "an OAuth2 client";
            case SYNC_ACCOUNT -> "a sync account";
            case ENTRY -> holder.syncParent() == null ? "a local entry"
                    : write.syncOwner().filter(holder.syncParent()::equals).isPresent() ? "another entry of this sync account"
                    : "an entry of another sync account";
        };
    }
}
