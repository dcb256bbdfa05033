package dev.signet.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * The one row that says who this installation is: its domain UUID (stable for life, used to
 * derive key ids and cluster-wide identifiers) and the domain name it was created for. Written at
 * first boot; every node of a cluster reads the same row.
 */
@Entity
@Table(name = "signet_domain")
public class SignetDomain {
    /** There is exactly one domain per database. */
    static final int SINGLETON_ID = 1;

    @Id
    private int id = SINGLETON_ID;

    @Column(nullable = false, unique = true, updatable = false)
    private UUID uuid;

    @Column(nullable = false, length = 253)
    private String name;

    @Column(nullable = false, updatable = false)
    private Instant created;

    @Version
    private long version;

    protected SignetDomain() {
        // for JPA
    }

    SignetDomain(DomainName name, Instant created) {
        this.uuid = UUID.randomUUID();
        this.name = name.value();
        this.created = created;
    }

    public UUID uuid() {
        return uuid;
    }

    public DomainName name() {
        return new DomainName(name);
    }

    public Instant created() {
        return created;
    }

    /** Renaming the domain changes every spn; it is an operator's decision, made explicitly. */
    void rename(DomainName newName) {
        this.name = newName.value();
    }
}
