package dev.signet.entry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps {@code memberof} the transitive closure of direct memberships: after the writes (and after
 * {@link ReferentialIntegrity}, which adds whom a recycle, revive or purge affects) every entry
 * whose memberships may have changed is recomputed, once for the whole set.
 */
@ApplicationScoped
public class MemberOfIsTransitive implements WriteRule {
    @Inject
    private MemberOf memberOf;

    @Override
    public void after(List<EntryWrite> writes) {
        Set<UUID> changed = new HashSet<>();
        writes.forEach(w -> changed.addAll(w.membershipChanges()));
        memberOf.refresh(changed);
    }
}
