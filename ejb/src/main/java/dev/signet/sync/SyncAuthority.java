package dev.signet.sync;

import dev.signet.fault.Conflict;
import dev.signet.model.Entry;
import jakarta.persistence.EntityManager;
import java.util.Set;

/**
 * Who may change an imported entry: only its sync account, except the attributes that account
 * yields (Kanidm's rule). Every local write path of the core asks here before it changes one.
 */
public final class SyncAuthority {
    /** Credentials and keys a sync account may yield, beside the schema's attributes. */
    public static final String PASSWORD = "password";
    public static final String PASSKEYS = "passkeys";
    public static final String TOTP = "totp";
    public static final Set<String> CREDENTIALS = Set.of(PASSWORD, PASSKEYS, TOTP);
    /** What deleting, locking or making POSIX an entry counts as. */
    public static final String LIFECYCLE = "lifecycle";

    private SyncAuthority() {
    }

    /** Every entry (live or recycled) the sync account owns. */
    public static java.util.List<Entry> owned(EntityManager em, java.util.UUID account) {
        return em.createQuery("select e from Entry e where e.syncParent = :owner", Entry.class)
                .setParameter("owner", account).getResultList();
    }

    /** 409 unless {@code entry} is local, or its sync account yields {@code attribute}. */
    public static void requireLocallyWritable(EntityManager em, Entry entry, String attribute) {
        if (entry.syncParent().isEmpty()) {
            return;
        }
        SyncAccount owner = em.find(SyncAccount.class, entry.syncParent().get());
        if (owner == null || owner.finalised() || owner.yieldAttributes().contains(attribute)) {
            return;
        }
        throw new Conflict(attribute, entry.name() + " is owned by the sync account " + owner.name() + ": change " + attribute
                + " in the system it imports from" + (owner.yieldAttributes().isEmpty() ? ""
                : " (it yields only " + String.join(", ", owner.yieldAttributes()) + " to local changes)"));
    }
}
