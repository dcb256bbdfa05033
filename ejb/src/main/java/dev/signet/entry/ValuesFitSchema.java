package dev.signet.entry;

import dev.signet.fault.InvalidInput;
import dev.signet.model.Entry;
import dev.signet.model.EntryKind;
import dev.signet.schema.AttributeDefinition;
import dev.signet.schema.Schema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keeps every stored value one the schema allows: the attribute exists for the entry's kind and is
 * writable, single-valued ones hold one value, multi-valued ones at most their bound, each value
 * in its syntax's normal form, references resolved to live entries (a group never its own direct
 * member). What it normalises is what the later rules and the write see.
 */
@ApplicationScoped
public class ValuesFitSchema implements WriteRule {
    @Inject
    private EntryLookup lookup;

    @Override
    public void before(List<EntryWrite> writes, Refusals refusals) {
        for (EntryWrite write : writes) {
            if (write.op() == EntryWrite.Op.CREATE || write.op() == EntryWrite.Op.MODIFY || write.op() == EntryWrite.Op.IMPORT) {
                try {
                    normalise(write, ref -> lookup.live(ref).map(Entry::uuid));
                } catch (InvalidInput e) {
                    refusals.fault(write, e);
                }
            }
        }
    }

    /**
     * Fills {@code write.values()} from what was asked, or refuses it naming the attribute.
     * {@code resolve} finds the live entry a reference names (a name, spn or UUID).
     */
    static void normalise(EntryWrite write, Function<String, Optional<UUID>> resolve) {
        Map<String, List<String>> requested = write.requested();
        EntryKind kind = write.kind();
        if (write.op() == EntryWrite.Op.CREATE) {
            List<String> names = requested.getOrDefault(Schema.NAME, List.of());
            if (names == null || names.size() != 1) {
                throw new InvalidInput(Schema.NAME, "name is required, exactly one value");
            }
            if (kind == EntryKind.PERSON && !requested.containsKey(Schema.DISPLAYNAME)) {
                throw new InvalidInput(Schema.DISPLAYNAME, "a person needs a displayname");
            }
        }
        for (Map.Entry<String, List<String>> attr : requested.entrySet()) {
            String attribute = attr.getKey();
            if (write.op() == EntryWrite.Op.IMPORT && attribute.equals(Schema.GIDNUMBER)) {
                continue; // the source's POSIX id: PosixIdsOnceOnly claims it
            }
            if (write.op() == EntryWrite.Op.IMPORT && attribute.equals(Schema.NAME)) {
                // the sync check reported a missing or second name already; the first one counts
                String first = attr.getValue() == null ? "" : attr.getValue().stream().findFirst().orElse("");
                write.values().put(Schema.NAME, List.of(Schema.require(Schema.NAME, kind).syntax().normalise(Schema.NAME, first)));
                continue;
            }
            write.values().put(attribute, values(write, Schema.require(attribute, kind), attr.getValue(), resolve));
        }
    }

    private static List<String> values(EntryWrite write, AttributeDefinition def, List<String> raw, Function<String, Optional<UUID>> resolve) {
        String attribute = def.name();
        if (!def.writable()) {
            throw new InvalidInput(attribute, attribute + " is maintained by Signet");
        }
        if (raw == null) {
            throw new InvalidInput(attribute, attribute + ": values must be a list");
        }
        if (def.multiValued() && raw.size() > def.maxValues()) {
            // before any value is normalised or checked for uniqueness: that work grows with the count
            throw new InvalidInput(attribute, attribute + " takes at most " + def.maxValues() + " values, got " + raw.size());
        }
        if (!def.multiValued() && raw.size() > 1) {
            throw new InvalidInput(attribute, attribute + " takes one value, got " + raw.size());
        }
        List<String> values = new ArrayList<>(raw.size());
        for (String value : raw) {
            if (def.name().equals(Schema.MEMBER)) {
                UUID member = write.op() == EntryWrite.Op.IMPORT ? importedMember(value) : resolved(def, value, resolve);
                if (member.equals(write.uuid())) {
                    throw new InvalidInput(Schema.MEMBER, "a group cannot be a direct member of itself");
                }
                String text = member.toString();
                if (!values.contains(text)) {
                    values.add(text);
                }
            } else if (def.name().equals(Schema.SSH_PUBLICKEY)) {
                SshKeyValue key = SshKeyValue.parse(value);
                values.add(key.tag() + ": " + key.key());
            } else {
                values.add(def.syntax().normalise(attribute, value));
            }
        }
        return values;
    }

    private static UUID resolved(AttributeDefinition def, String ref, Function<String, Optional<UUID>> resolve) {
        String normal = def.syntax().normalise(def.name(), ref);
        return resolve.apply(normal).orElseThrow(() -> new InvalidInput(def.name(), def.name() + ": no entry " + ref));
    }

    /** A source names members by UUID; the sync check made sure each is an entry of its own. */
    private static UUID importedMember(String ref) {
        try {
            return UUID.fromString(ref == null ? "" : ref.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Schema.MEMBER, "member " + ref + " is not the id of an entry");
        }
    }
}
