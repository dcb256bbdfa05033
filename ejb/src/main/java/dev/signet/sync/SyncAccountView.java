package dev.signet.sync;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Collections;

/**
 * A sync account as an admin sees it, in the shape of an entry (Kanidm's attribute names:
 * {@code sync_yield_authority}, {@code sync_token_set}, ...), with its LDAP source when it has one.
 * Never the token or the sealed bind password.
 */
public record SyncAccountView(UUID uuid, Map<String, List<String>> attrs, Optional<LdapSource> ldapSource, Optional<Instant> tokenIssued) {
    public SyncAccountView {
        attrs = Collections.unmodifiableMap(new LinkedHashMap<>(attrs));
    }

    public String name() {
        return attrs.get("name").get(0);
    }

    public Optional<String> description() {
        return attrs.getOrDefault("description", List.of()).stream().findFirst();
    }

    public Optional<String> schedule() {
        return attrs.getOrDefault("sync_schedule", List.of()).stream().findFirst();
    }

    public boolean finalised() {
        return Boolean.parseBoolean(attrs.get("sync_finalised").get(0));
    }

    /** The attributes the account yields to local changes. */
    public List<String> yieldAttributes() {
        return attrs.getOrDefault("sync_yield_authority", List.of());
    }

    static SyncAccountView of(SyncAccount account) {
        Map<String, List<String>> attrs = new LinkedHashMap<>();
        attrs.put("uuid", List.of(account.uuid().toString()));
        attrs.put("name", List.of(account.name()));
        attrs.put("class", List.of("sync_account"));
        attrs.put("sync_yield_authority", List.copyOf(account.yieldAttributes()));
        attrs.put("sync_token_set", List.of(String.valueOf(account.tokenIssued().isPresent())));
        attrs.put("sync_finalised", List.of(String.valueOf(account.finalised())));
        account.description().ifPresent(d -> attrs.put("description", List.of(d)));
        account.schedule().ifPresent(c -> attrs.put("sync_schedule", List.of(c)));
        account.cookie().ifPresent(c -> attrs.put("sync_cookie", List.of(c)));
        return new SyncAccountView(account.uuid(), attrs, account.ldapSource(), account.tokenIssued());
    }
}
