package dev.signet.model;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.UUID;

/** An account for a machine or application rather than a human. */
@Entity
@DiscriminatorValue("service_account")
public class ServiceAccount extends Account {
    protected ServiceAccount() {
    }

    public ServiceAccount(UUID uuid, String name, Instant now) {
        super(uuid, name, now);
    }

    @Override
    public EntryKind kind() {
        return EntryKind.SERVICE_ACCOUNT;
    }
}
