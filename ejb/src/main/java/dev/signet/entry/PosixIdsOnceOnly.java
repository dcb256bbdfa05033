package dev.signet.entry;

import dev.signet.fault.Conflict;
import dev.signet.fault.InvalidInput;
import dev.signet.fault.SignetFault;
import dev.signet.model.Entry;
import dev.signet.schema.Schema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Keeps POSIX ids for life and never handed out twice: an entry made POSIX gets the next free
 * number or the one asked for (if it was never given before), a POSIX entry keeps its number,
 * and a sync source that changes an id it gave is refused.
 */
@ApplicationScoped
public class PosixIdsOnceOnly implements WriteRule {
    @Inject
    private PosixIds posixIds;

    @Override
    public void before(List<EntryWrite> writes, Refusals refusals) {
        for (EntryWrite write : writes) {
            try {
                if (write.op() == EntryWrite.Op.IMPORT) {
                    imported(write);
                } else if (write.posixRequested()) {
                    requested(write);
                }
            } catch (SignetFault fault) {
                refusals.fault(write, fault);
            }
        }
    }

    private void requested(EntryWrite write) {
        Entry entry = write.entry();
        if (keeps(entry.gidnumber(), write.requestedGid(), entry.name()).isPresent()) {
            return;
        }
        write.gidnumber(write.requestedGid() == null ? posixIds.allocate(entry.uuid()) : posixIds.claim(entry.uuid(), write.requestedGid()));
    }

    /**
     * The source's POSIX id, claimed like an admin's explicit one (at least 65536, never one
     * handed out before); a source that changes an id it gave is refused, ids are for life.
     */
    private void imported(EntryWrite write) {
        List<String> values = write.requested().getOrDefault(Schema.GIDNUMBER, List.of());
        if (values == null || values.isEmpty()) {
            return;
        }
        long requested = sourceNumber(write.label(), values.get(0));
        Optional<Integer> current = write.entry() == null ? Optional.empty() : write.entry().gidnumber();
        if (current.isPresent()) {
            if (current.get() != requested) {
                throw new Conflict(Schema.GIDNUMBER, write.entry().name() + " has gidnumber " + current.get()
                        + "; the source now says " + requested + ", and POSIX ids do not change");
            }
            return;
        }
        write.gidnumber(posixIds.claim(write.uuid(), requested));
    }

    /**
     * Whether an entry that has {@code current} keeps it: yes if it has one (and nothing else was
     * asked); a different number asked for is refused.
     */
    static Optional<Integer> keeps(Optional<Integer> current, Long requested, String name) {
        if (current.isEmpty()) {
            return Optional.empty();
        }
        if (requested != null && requested.longValue() != current.get()) {
            throw new Conflict(Schema.GIDNUMBER, name + " already has gidnumber " + current.get());
        }
        return current;
    }

    static long sourceNumber(String label, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput(Schema.GIDNUMBER, label + ": gidnumber " + value + " is not a number");
        }
    }
}
