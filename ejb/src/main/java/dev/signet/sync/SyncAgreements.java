package dev.signet.sync;

import dev.signet.entry.SyncOwners;
import dev.signet.schema.InLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The sync accounts' agreements, for the write path's sync authority rule. */
@ApplicationScoped
public class SyncAgreements implements SyncOwners {
    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @Override
    public Optional<Agreement> agreement(UUID syncAccount) {
        SyncAccount account = em.find(SyncAccount.class, syncAccount);
        return account == null ? Optional.empty()
                : Optional.of(new Agreement(account.name(), account.finalised(), account.yieldAttributes()));
    }

    @Override
    public Map<UUID, String> existing(Collection<UUID> uuids) {
        Map<UUID, String> holders = new HashMap<>();
        for (var chunk : InLists.chunks(uuids)) {
            for (Object[] row : em.createQuery("select e.uuid, e.name from Entry e where e.uuid in :ids", Object[].class)
                    .setParameter("ids", chunk).getResultList()) {
                holders.put((UUID) row[0], (String) row[1]);
            }
        }
        return holders;
    }
}
