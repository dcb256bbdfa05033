package dev.signet.model;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A human with an account. */
@Entity
@DiscriminatorValue("person")
public class Person extends Account {
    @Column(length = 1024)
    private String legalname;

    protected Person() {
    }

    public Person(UUID uuid, String name, Instant now) {
        super(uuid, name, now);
    }

    @Override
    public EntryKind kind() {
        return EntryKind.PERSON;
    }

    public Optional<String> legalname() {
        return Optional.ofNullable(legalname);
    }

    public void setLegalname(String legalname) {
        this.legalname = legalname;
    }
}
