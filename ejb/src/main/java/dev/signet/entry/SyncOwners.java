package dev.signet.entry;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The sync agreements, as the write path needs them: the sync service keeps the accounts and
 * provides this (the entry service must not depend on the sync service, which builds on it).
 */
public interface SyncOwners {
    /** What a sync account lets local admins change on the entries it imported. */
    record Agreement(String accountName, boolean finalised, Set<String> yields) {
        public Agreement {
            yields = Set.copyOf(yields);
        }
    }

    Optional<Agreement> agreement(UUID syncAccount);

    /** Name of each existing entry among {@code uuids}, live or recycled, in few queries. */
    Map<UUID, String> existing(Collection<UUID> uuids);
}
