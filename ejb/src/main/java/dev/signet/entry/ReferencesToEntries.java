package dev.signet.entry;

import java.util.UUID;

/**
 * Something outside this package that names entries by UUID and must forget one when it is
 * purged (a RADIUS client's allowed groups). {@link ReferentialIntegrity} calls every such bean
 * in the purge's transaction, so features that depend on this package keep their own references
 * clean without this package depending on them.
 */
public interface ReferencesToEntries {
    void purged(UUID uuid);
}
