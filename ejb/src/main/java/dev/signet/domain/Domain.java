package dev.signet.domain;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The installation's domain, created on first boot and read by everything that needs the domain
 * name or UUID. On a cluster, the first node to boot creates the row; the others find it.
 */
@PermitAll
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Domain {
    private static final Logger LOG = Logger.getLogger(Domain.class.getName());

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    private volatile UUID uuid;
    private volatile DomainName name;

    @PostConstruct
    void firstBootOrLoad() {
        DataDirectory.ensure(DataDirectory.path());
        SignetDomain domain = em.find(SignetDomain.class, SignetDomain.SINGLETON_ID, LockModeType.PESSIMISTIC_WRITE);
        DomainName configured = DomainConfiguration.configuredDomain();
        if (domain == null) {
            domain = new SignetDomain(configured, Instant.now());
            em.persist(domain);
            LOG.info(() -> "First boot: created domain " + configured);
        } else if (!domain.name().equals(configured)) {
            LOG.warning(() -> "Configured domain " + configured + " differs from the stored domain "
                    + "; serving the stored one. Renaming a domain changes every spn and is not automatic.");
        }
        uuid = domain.uuid();
        name = domain.name();
    }

    public UUID uuid() {
        return uuid;
    }

    public DomainName name() {
        return name;
    }
}
