package dev.signet.oauth2;

import dev.signet.entry.EntryLookup;
import dev.signet.model.Account;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What an account may get from a client: the scopes its groups are mapped to, and the claims that
 * go with them. Someone outside every regular scope map gets nothing (Kanidm's rule).
 */
// access checked: this answers for the authenticated account itself
@PermitAll
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Entitlements {
    public static final String OPENID = "openid";
    public static final String PROFILE = "profile";
    public static final String EMAIL = "email";
    public static final String GROUPS = "groups";
    public static final String SSH_PUBLICKEYS = "ssh_publickeys";
    /** The scopes Signet knows claims for; mapped scopes beyond these are passed through as they are. */
    public static final List<String> STANDARD_SCOPES = List.of(OPENID, EMAIL, PROFILE, GROUPS, SSH_PUBLICKEYS);

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private EntryLookup lookup;

    /** The scopes the account's groups are mapped to; empty when no regular map admits it. */
    public Set<String> scopes(OAuth2Client client, Account account) {
        Set<UUID> groups = account.memberOf();
        if (groups.isEmpty()) {
            return Set.of();
        }
        Set<String> base = new TreeSet<>();
        Set<String> supplementary = new TreeSet<>();
        for (ScopeMap map : em.createQuery("select m from ScopeMap m where m.client = :client and m.group in :groups", ScopeMap.class)
                .setParameter("client", client.uuid()).setParameter("groups", groups).getResultList()) {
            (map.supplementary() ? supplementary : base).addAll(map.scopes());
        }
        if (!base.isEmpty()) {
            base.addAll(supplementary);
        }
        return base;
    }

    /** Every scope any map of the client names: what the client itself may ask for with client credentials. */
    public Set<String> mappedScopes(OAuth2Client client) {
        Set<String> all = new TreeSet<>();
        em.createQuery("select m from ScopeMap m where m.client = :client", ScopeMap.class).setParameter("client", client.uuid())
                .getResultList().forEach(m -> all.addAll(m.scopes()));
        return all;
    }

    /** Every scope of every client, for discovery. */
    public Set<String> allMappedScopes(OAuth2Client client) {
        Set<String> all = new LinkedHashSet<>(STANDARD_SCOPES);
        all.addAll(mappedScopes(client));
        return all;
    }

    /**
     * The claims about the account that the granted scopes release, plus the client's claim maps
     * for the account's groups (each a list of values).
     */
    public Map<String, Object> claims(OAuth2Client client, Account account, Set<String> scopes) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (scopes.contains(PROFILE)) {
            claims.put("name", account.displayname().orElse(account.name()));
            claims.put("preferred_username", client.preferShortUsername() ? account.name() : lookup.spn(account));
        }
        if (scopes.contains(EMAIL) && !account.mail().isEmpty()) {
            claims.put("email", new TreeSet<>(account.mail()).first());
            // addresses are set by admins or sync, not by the user: Kanidm reports them verified
            claims.put("email_verified", true);
        }
        if (scopes.contains(GROUPS)) {
            claims.put("groups", groups(client.groupsClaim(), account.memberOf()));
        }
        if (scopes.contains(SSH_PUBLICKEYS)) {
            claims.put("ssh_publickeys", new ArrayList<>(account.sshPublicKeys().values()));
        }
        if (!account.memberOf().isEmpty()) {
            Map<String, Set<String>> mapped = new LinkedHashMap<>();
            for (ClaimMap map : em.createQuery("select m from ClaimMap m where m.client = :client and m.group in :groups order by m.claim",
                    ClaimMap.class).setParameter("client", client.uuid()).setParameter("groups", account.memberOf()).getResultList()) {
                mapped.computeIfAbsent(map.claim(), c -> new TreeSet<>()).addAll(map.values());
            }
            mapped.forEach((claim, values) -> claims.put(claim, new ArrayList<>(values)));
        }
        return claims;
    }

    private List<String> groups(GroupsClaim format, Collection<UUID> memberOf) {
        if (format == GroupsClaim.UUID) {
            return memberOf.stream().map(UUID::toString).sorted().toList();
        }
        Collection<String> spns = lookup.spns(memberOf).values();
        return spns.stream().map(spn -> format == GroupsClaim.NAME ? spn.substring(0, spn.lastIndexOf('@')) : spn).sorted().toList();
    }
}
