package dev.signet.status;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether this node can serve: the EAR is deployed (or this bean would not exist) and the
 * database answers through JPA with the domain row that first boot wrote.
 */
@PermitAll
@Stateless
public class Readiness {
    private static final Logger LOG = Logger.getLogger(Readiness.class.getName());

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    // Outside a transaction so a dead database fails this check, not the caller's transaction.
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean databaseReachable() {
        try {
            return em.createQuery("select count(d) from SignetDomain d", Long.class).getSingleResult() == 1L;
        } catch (PersistenceException | IllegalStateException e) {
            LOG.log(Level.WARNING, "Database not reachable: {0}", e.getMessage());
            return false;
        }
    }
}
