package dev.signet.oauth2;

import dev.signet.audit.AuditType;
import dev.signet.secret.RandomTokens;
import dev.signet.access.AccessControl;
import dev.signet.access.BuiltinGroup;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
import dev.signet.credential.SecretDigest;
import dev.signet.entry.EntryLookup;
import dev.signet.fault.EntryNotFound;
import dev.signet.fault.InvalidInput;
import dev.signet.model.Entry;
import dev.signet.model.EntryKind;
import dev.signet.schema.NameOrUuid;
import dev.signet.schema.Syntax;
import dev.signet.schema.ValueClaim;
import dev.signet.schema.ValueClaims;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The client registry behind {@code /v1/oauth2}: clients, their secrets, scope maps, claim maps
 * and keys. Every operation needs {@code idm_oauth2_admins}; changes need a read-write session.
 */
@PermitAll
@Stateless
public class OAuth2Clients {
    /** RFC 6749 section 3.3 scope-token characters. */
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,64}");
    private static final Pattern CLAIM = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    /** Claims Signet sets itself; a claim map may not shadow them. */
    private static final Set<String> RESERVED_CLAIMS = Set.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "auth_time",
            "nonce", "at_hash", "c_hash", "acr", "amr", "azp", "sid", "scope", "client_id", "name", "preferred_username",
            "email", "email_verified", "groups", "ssh_publickeys", "updated_at");

    /** A client as the registry shows it: Kanidm-shaped attributes, every value a string. */
    public record ClientView(UUID uuid, Map<String, List<String>> attrs) {
    }

    /** A client just created (or its secret just rotated): the secret is in here once, never again. */
    public record WithSecret(ClientView client, String secret) {
    }

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private Callers callers;
    @EJB
    private EntryLookup lookup;
    @EJB
    private ClientKeys keys;
    @EJB
    private Audit audit;
    @Inject
    private ValueClaims claims;

    /** A confidential ("basic") client with a secret, or a public one (PKCE, no secret). */
    public WithSecret create(String name, String displayname, String landing, List<String> redirectUris, boolean confidential,
                             Map<String, List<String>> more) {
        Caller caller = writer();
        String clientId = Syntax.INAME.normalise(ClientAttribute.NAME, name);
        OAuth2Client client = new OAuth2Client(UUID.randomUUID(), clientId, confidential, Instant.now());
        ClientAttribute.replace(client, ClientAttribute.DISPLAYNAME, displayname == null ? List.of() : List.of(displayname));
        if (landing != null) {
            ClientAttribute.replace(client, ClientAttribute.LANDING, List.of(landing));
        }
        ClientAttribute.replace(client, ClientAttribute.REDIRECT_URI, redirectUris);
        more.forEach((attribute, values) -> ClientAttribute.replace(client, attribute, values));
        String secret = confidential ? newSecret(client) : null;
        // one namespace with entries and sync accounts, kept by the database's unique index
        claims.claimName(client.uuid(), ValueClaim.HolderKind.OAUTH2_CLIENT, clientId, ClientAttribute.NAME);
        em.persist(client);
        em.flush();
        keys.rotate(client);
        audit.success(AuditType.OAUTH2_CLIENT_CREATE, caller, null, (confidential ? "confidential" : "public") + " client " + clientId);
        return new WithSecret(view(client), secret);
    }

    public List<ClientView> list() {
        reader();
        List<ClientView> views = new ArrayList<>();
        for (OAuth2Client client : em.createQuery("select c from OAuth2Client c order by c.name", OAuth2Client.class).getResultList()) {
            views.add(view(client));
        }
        return views;
    }

    public ClientView get(String id) {
        reader();
        return view(require(id));
    }

    public void delete(String id) {
        Caller caller = writer();
        OAuth2Client client = require(id);
        UUID uuid = client.uuid();
        Instant now = Instant.now();
        em.createQuery("select g from Grant g where g.client = :client and g.revokedAt is null", Grant.class)
                .setParameter("client", uuid).getResultList().forEach(g -> g.revoke(now, "client deleted"));
        em.createQuery("delete from ScopeMap m where m.client = :client").setParameter("client", uuid).executeUpdate();
        em.createQuery("delete from ClaimMap m where m.client = :client").setParameter("client", uuid).executeUpdate();
        em.createQuery("delete from Consent c where c.client = :client").setParameter("client", uuid).executeUpdate();
        keys.removeAll(uuid);
        claims.releaseAll(List.of(uuid));
        em.remove(client);
        audit.success(AuditType.OAUTH2_CLIENT_DELETE, caller, null, "client " + client.name());
    }

    /** PATCH and PUT {@code _attr/{attr}}: each named attribute's values replaced. */
    public ClientView replace(String id, Map<String, List<String>> attrs) {
        Caller caller = writer();
        OAuth2Client client = require(id);
        boolean wasLegacy = client.legacyCrypto();
        attrs.forEach((attribute, values) -> ClientAttribute.replace(client, attribute, values));
        if (wasLegacy != client.legacyCrypto()) {
            keys.rotate(client);
        }
        audit.success(AuditType.OAUTH2_CLIENT_MODIFY, caller, null, "client " + client.name() + ": " + String.join(", ", attrs.keySet()));
        return view(client);
    }

    /** POST {@code _attr/oauth2_rs_origin}: redirect URIs added to those the client has. */
    public ClientView addRedirectUris(String id, List<String> uris) {
        OAuth2Client client = requireForWrite(id);
        List<String> all = new ArrayList<>(client.redirectUris());
        all.addAll(uris);
        return replace(id, Map.of(ClientAttribute.REDIRECT_URI, all));
    }

    /** DELETE {@code _attr/oauth2_rs_origin}: the named redirect URIs removed (all, without a body). */
    public ClientView removeRedirectUris(String id, List<String> uris) {
        OAuth2Client client = requireForWrite(id);
        List<String> kept = new ArrayList<>(client.redirectUris());
        if (uris.isEmpty()) {
            kept.clear();
        } else {
            kept.removeAll(uris);
        }
        return replace(id, Map.of(ClientAttribute.REDIRECT_URI, kept));
    }

    /** A new secret for a confidential client; the old one stops working at once. */
    public WithSecret rotateSecret(String id) {
        Caller caller = writer();
        OAuth2Client client = require(id);
        if (!client.confidential()) {
            throw new InvalidInput("client", "a public client has no secret");
        }
        String secret = newSecret(client);
        audit.success(AuditType.OAUTH2_CLIENT_SECRET, caller, null, "client " + client.name() + ": secret rotated");
        return new WithSecret(view(client), secret);
    }

    /** A new signing key; the old one stays published until the tokens it signed expire. */
    public ClientView rotateKeys(String id) {
        Caller caller = writer();
        OAuth2Client client = require(id);
        keys.rotate(client);
        audit.success(AuditType.OAUTH2_CLIENT_KEYS, caller, null, "client " + client.name() + ": signing key rotated");
        return view(client);
    }

    /** {@code POST _scopemap/{group}} (or {@code _sup_scopemap}): members of the group may get these scopes. */
    public ClientView mapScopes(String id, String groupId, boolean supplementary, List<String> scopes) {
        Caller caller = writer();
        OAuth2Client client = require(id);
        Entry group = lookup.require(EntryKind.GROUP, groupId);
        Set<String> valid = new LinkedHashSet<>();
        for (String scope : scopes) {
            if (scope == null || !SCOPE.matcher(scope).matches()) {
                throw new InvalidInput("scopes", "not a scope: " + scope);
            }
            valid.add(scope);
        }
        if (valid.isEmpty()) {
            throw new InvalidInput("scopes", "a scope map needs at least one scope (DELETE removes it)");
        }
        scopeMap(client.uuid(), group.uuid(), supplementary).ifPresentOrElse(m -> m.replace(valid),
                () -> em.persist(new ScopeMap(client.uuid(), group.uuid(), supplementary, valid)));
        audit.success(AuditType.OAUTH2_CLIENT_SCOPEMAP, caller, group, "client " + client.name() + (supplementary ? " supplementary" : "")
                + " scopes " + String.join(" ", valid));
        return view(client);
    }

    public ClientView unmapScopes(String id, String groupId, boolean supplementary) {
        Caller caller = writer();
        OAuth2Client client = require(id);
        Entry group = lookup.require(EntryKind.GROUP, groupId);
        ScopeMap map = scopeMap(client.uuid(), group.uuid(), supplementary).orElseThrow(() -> new EntryNotFound(groupId));
        em.remove(map);
        audit.success(AuditType.OAUTH2_CLIENT_SCOPEMAP, caller, group, "client " + client.name() + ": scope map removed");
        return view(client);
    }

    /** {@code POST _claimmap/{claim}/{group}}: members of the group get the claim with these values. */
    public ClientView mapClaim(String id, String claim, String groupId, List<String> values) {
        Caller caller = writer();
        OAuth2Client client = require(id);
        Entry group = lookup.require(EntryKind.GROUP, groupId);
        if (claim == null || !CLAIM.matcher(claim).matches() || RESERVED_CLAIMS.contains(claim)) {
            throw new InvalidInput("claim", "a claim name is lower case letters, digits and '_', and not one Signet sets itself: " + claim);
        }
        if (values.isEmpty() || values.stream().anyMatch(v -> v == null || v.isEmpty() || v.length() > 256 || v.contains("\n"))) {
            throw new InvalidInput("values", "claim values are 1 to 256 characters on one line; at least one");
        }
        claimMap(client.uuid(), claim, group.uuid()).ifPresentOrElse(m -> m.replace(values),
                () -> em.persist(new ClaimMap(client.uuid(), claim, group.uuid(), values)));
        audit.success(AuditType.OAUTH2_CLIENT_CLAIMMAP, caller, group, "client " + client.name() + " claim " + claim);
        return view(client);
    }

    public ClientView unmapClaim(String id, String claim, String groupId) {
        Caller caller = writer();
        OAuth2Client client = require(id);
        Entry group = lookup.require(EntryKind.GROUP, groupId);
        em.remove(claimMap(client.uuid(), claim, group.uuid()).orElseThrow(() -> new EntryNotFound(claim + "/" + groupId)));
        audit.success(AuditType.OAUTH2_CLIENT_CLAIMMAP, caller, group, "client " + client.name() + ": claim " + claim + " removed");
        return view(client);
    }

    private Optional<ScopeMap> scopeMap(UUID client, UUID group, boolean supplementary) {
        return em.createQuery("select m from ScopeMap m where m.client = :client and m.group = :group and m.supplementary = :sup", ScopeMap.class)
                .setParameter("client", client).setParameter("group", group).setParameter("sup", supplementary)
                .getResultStream().findFirst();
    }

    private Optional<ClaimMap> claimMap(UUID client, String claim, UUID group) {
        return em.createQuery("select m from ClaimMap m where m.client = :client and m.claim = :claim and m.group = :group", ClaimMap.class)
                .setParameter("client", client).setParameter("claim", claim).setParameter("group", group)
                .getResultStream().findFirst();
    }

    private String newSecret(OAuth2Client client) {
        String secret = RandomTokens.urlSafe(32);
        client.setSecretDigest(SecretDigest.of(secret));
        return secret;
    }

    /** A client by name or UUID, without access checks (for the protocol endpoints). */
    public Optional<OAuth2Client> find(String id) {
        return NameOrUuid.find(em, OAuth2Client.class, id);
    }

    private OAuth2Client require(String id) {
        return find(id).orElseThrow(() -> new EntryNotFound(id));
    }

    private OAuth2Client requireForWrite(String id) {
        writer();
        return require(id);
    }

    private Caller reader() {
        Caller caller = callers.current();
        AccessControl.requireMember(caller, BuiltinGroup.IDM_OAUTH2_ADMINS, "OAuth2 clients");
        return caller;
    }

    private Caller writer() {
        Caller caller = reader();
        AccessControl.requireReadWrite(caller);
        return caller;
    }

    private ClientView view(OAuth2Client client) {
        Map<String, List<String>> attrs = new LinkedHashMap<>();
        attrs.put("uuid", List.of(client.uuid().toString()));
        attrs.put(ClientAttribute.NAME, List.of(client.name()));
        attrs.put("class", List.of("oauth2_resource_server",
                client.confidential() ? "oauth2_resource_server_basic" : "oauth2_resource_server_public"));
        client.displayname().ifPresent(d -> attrs.put(ClientAttribute.DISPLAYNAME, List.of(d)));
        client.landing().ifPresent(l -> attrs.put(ClientAttribute.LANDING, List.of(l)));
        attrs.put(ClientAttribute.REDIRECT_URI, List.copyOf(client.redirectUris()));
        attrs.put(ClientAttribute.ALLOW_LOCALHOST, List.of(String.valueOf(client.allowLocalhostRedirect())));
        attrs.put(ClientAttribute.CONSENT_PROMPT, List.of(String.valueOf(client.consentPrompt())));
        attrs.put(ClientAttribute.DISABLE_PKCE, List.of(String.valueOf(client.pkceDisabled())));
        attrs.put(ClientAttribute.LEGACY_CRYPTO, List.of(String.valueOf(client.legacyCrypto())));
        attrs.put(ClientAttribute.ACCESS_EXPIRY, List.of(String.valueOf(client.accessLifetime().toSeconds())));
        attrs.put(ClientAttribute.REFRESH_EXPIRY, List.of(String.valueOf(client.refreshLifetime().toSeconds())));
        attrs.put(ClientAttribute.GROUPS_CLAIM, List.of(client.groupsClaim().value()));
        attrs.put(ClientAttribute.PREFER_SHORT_USERNAME, List.of(String.valueOf(client.preferShortUsername())));
        List<ScopeMap> maps = em.createQuery("select m from ScopeMap m where m.client = :client", ScopeMap.class)
                .setParameter("client", client.uuid()).getResultList();
        List<ClaimMap> claims = em.createQuery("select m from ClaimMap m where m.client = :client order by m.claim", ClaimMap.class)
                .setParameter("client", client.uuid()).getResultList();
        Set<UUID> groups = new LinkedHashSet<>();
        maps.forEach(m -> groups.add(m.group()));
        claims.forEach(m -> groups.add(m.group()));
        Map<UUID, String> spns = lookup.spns(groups);
        List<String> scopeMap = new ArrayList<>();
        List<String> supScopeMap = new ArrayList<>();
        // a map of a recycled group is hidden (it grants nothing) until the group is revived; a
        // purged group's maps are gone (referential integrity)
        for (ScopeMap map : maps) {
            if (spns.containsKey(map.group())) {
                (map.supplementary() ? supScopeMap : scopeMap).add(spns.get(map.group())
                        + ": {" + String.join(", ", map.scopes().stream().map(s -> "\"" + s + "\"").toList()) + "}");
            }
        }
        attrs.put("oauth2_rs_scope_map", scopeMap);
        attrs.put("oauth2_rs_sup_scope_map", supScopeMap);
        attrs.put("oauth2_rs_claim_map", claims.stream().filter(m -> spns.containsKey(m.group()))
                .map(m -> m.claim() + ":" + spns.get(m.group()) + ":" + String.join(",", m.values())).toList());
        return new ClientView(client.uuid(), attrs);
    }
}
