package dev.signet.oauth2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.TreeSet;

/** A person's consent to a client receiving these scopes; asked again when a client wants more. */
@Entity
@Table(name = "oauth2_consent", indexes = @Index(name = "oauth2_consent_account_client", columnList = "account_uuid, client_uuid", unique = true))
public class Consent {
    @Id
    private UUID id;

    @Column(name = "account_uuid", nullable = false)
    private UUID account;

    @Column(name = "client_uuid", nullable = false)
    private UUID client;

    @Column(nullable = false, length = 2048)
    private String scopes;

    @Column(nullable = false)
    private Instant granted;

    protected Consent() {
    }

    Consent(UUID account, UUID client, Set<String> scopes, Instant now) {
        this.id = UUID.randomUUID();
        this.account = account;
        this.client = client;
        widen(scopes, now);
    }

    boolean covers(Set<String> requested) {
        return new HashSet<>(Arrays.asList(scopes.split(" "))).containsAll(requested);
    }

    void widen(Set<String> more, Instant now) {
        Set<String> all = new TreeSet<>(more);
        if (scopes != null && !scopes.isEmpty()) {
            all.addAll(Arrays.asList(scopes.split(" ")));
        }
        this.scopes = String.join(" ", all);
        this.granted = now;
    }
}
