package dev.signet.radius;

import dev.signet.entry.ReferencesToEntries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/** A purged group leaves the allowed groups of every RADIUS client that listed it. */
@ApplicationScoped
public class PurgedGroupsLeaveClients implements ReferencesToEntries {
    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @Override
    public void purged(UUID uuid) {
        for (RadiusClient client : em.createQuery("select c from RadiusClient c join c.groups g where g = :uuid", RadiusClient.class)
                .setParameter("uuid", uuid).getResultList()) {
            client.groups().remove(uuid);
        }
    }
}
