package dev.signet.entry;

import dev.signet.model.Entry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.TreeSet;

/**
 * Keeps an imported entry the way its source has it (Kanidm's sync agreements): a local write may
 * change it only where its sync account yields, and a sync account writes only entries it owns or
 * that are new. Deleting, locking and making POSIX count as {@link #LIFECYCLE}; credentials as
 * {@link #PASSWORD}, {@link #PASSKEYS}, {@link #TOTP}.
 */
@ApplicationScoped
public class SyncOwnerDecides implements WriteRule {
    /** Credentials and keys a sync account may yield, beside the schema's attributes. */
    public static final String PASSWORD = "password";
    public static final String PASSKEYS = "passkeys";
    public static final String TOTP = "totp";
    public static final Set<String> CREDENTIALS = Set.of(PASSWORD, PASSKEYS, TOTP);
    /** What deleting, locking or making POSIX an entry counts as. */
    public static final String LIFECYCLE = "lifecycle";

    @Inject
    private SyncOwners owners;

    public SyncOwnerDecides() {
        // for CDI
    }

    SyncOwnerDecides(SyncOwners owners) {
        this.owners = owners;
    }

    @Override
    public void before(List<EntryWrite> writes, Refusals refusals) {
        List<EntryWrite> newImports = new ArrayList<>();
        for (EntryWrite write : writes) {
            if (write.syncOwner().isPresent()) {
                if (write.op() == EntryWrite.Op.IMPORT && write.entry() == null) {
                    newImports.add(write);
                }
            } else if (write.entry() != null && write.entry().syncParent().isPresent()) {
                Optional<SyncOwners.Agreement> agreement = owners.agreement(write.entry().syncParent().get());
                for (String what : write.governed()) {
                    Optional<String> refusal = refusal(write.entry(), agreement, what);
                    if (refusal.isPresent()) {
                        refusals.conflict(write, what, refusal.get());
                        break;
                    }
                }
            }
        }
        if (!newImports.isEmpty()) {
            // a UUID new to this sync account must be new to Signet: taking over a local entry (or
            // another source's) would hand it to this source
            Map<UUID, String> holders = owners.existing(newImports.stream().map(EntryWrite::uuid).toList());
            for (EntryWrite write : newImports) {
                if (holders.containsKey(write.uuid())) {
                    refusals.conflict(write, "uuid", "id belongs to " + holders.get(write.uuid()) + ", which this sync account does not own");
                }
            }
        }
    }

    /** Why a local write of {@code what} to {@code entry} is refused, if it is: its sync account does not yield it. */
    static Optional<String> refusal(Entry entry, Optional<SyncOwners.Agreement> agreement, String what) {
        if (entry.syncParent().isEmpty() || agreement.isEmpty()) {
            return Optional.empty();
        }
        SyncOwners.Agreement owner = agreement.get();
        if (owner.finalised() || owner.yields().contains(what)) {
            return Optional.empty();
        }
        return Optional.of(entry.name() + " is owned by the sync account " + owner.accountName() + ": change " + what
                + " in the system it imports from" + (owner.yields().isEmpty() ? ""
                : " (it yields only " + String.join(", ", new TreeSet<>(owner.yields())) + " to local changes)"));
    }
}
