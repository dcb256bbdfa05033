package dev.signet.sync;

import dev.signet.model.EntryKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One sync push (Kanidm's SCIM sync request): the state it starts from (null for a refresh), the
 * state it ends in, the entries as the source has them, and what to delete.
 *
 * @param fromCookie the cookie of the state the source believes Signet holds; null means Refresh
 * @param toCookie the cookie Signet holds once this change set is applied
 * @param deleteMissing Kanidm's {@code retain: Delete}: owned entries not listed are deleted
 */
public record SyncChangeSet(String fromCookie, String toCookie, List<Item> entries, Set<UUID> deleteUuids, boolean deleteMissing) {
    public SyncChangeSet {
        entries = List.copyOf(entries);
        deleteUuids = Set.copyOf(deleteUuids);
    }

    /** One entry as the source has it; attrs in Signet's schema names (member as UUIDs). */
    public record Item(EntryKind kind, UUID uuid, String externalId, Map<String, List<String>> attrs) {
        public Item {
            attrs = Map.copyOf(attrs);
        }

        public String name() {
            return attrs.getOrDefault("name", List.of("")).stream().findFirst().orElse("");
        }
    }

    /** What a run did. */
    public record Applied(int created, int updated, int deleted, int unchanged, String cookie) {
    }
}
