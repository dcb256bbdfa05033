package dev.signet.radius;

import dev.signet.audit.AuditType;
import dev.signet.access.AccessControl;
import dev.signet.access.BuiltinGroup;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
import dev.signet.domain.KeyEncryption;
import dev.signet.entry.EntryLookup;
import dev.signet.fault.Conflict;
import dev.signet.fault.EntryNotFound;
import dev.signet.fault.InvalidInput;
import dev.signet.model.Entry;
import dev.signet.model.EntryKind;
import dev.signet.schema.NameOrUuid;
import dev.signet.schema.Syntax;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The registry of RADIUS clients behind {@code /v1/radius_client}: network devices, their source
 * addresses, shared secrets and allowed groups. Every operation needs {@code idm_radius_admins};
 * changes need a read-write session and are audited.
 */
// access is decided in code (AccessControl), per operation
@PermitAll
@Stateless
public class RadiusClients {
    /** Printable (device admin pages take it typed or pasted), 40 of 62 characters: 238 bits. */
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final int SECRET_LENGTH = 40;
    static final String SECRET_CONTEXT = "signet radius client secret ";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A client as the registry shows it: Kanidm-shaped attributes, every value a string; never the secret. */
    public record ClientView(UUID uuid, Map<String, List<String>> attrs) {
    }

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private Callers callers;
    @EJB
    private EntryLookup lookup;
    @EJB
    private Audit audit;
    @Inject
    private RadiusClientDirectory directory;

    public ClientView create(String name, Map<String, List<String>> attrs) {
        Caller caller = writer();
        String clientName = Syntax.INAME.normalise(RadiusClientAttribute.NAME, name == null ? "" : name);
        if (find(clientName).isPresent()) {
            throw new Conflict(RadiusClientAttribute.NAME, "name already taken: " + clientName);
        }
        RadiusClient client = new RadiusClient(UUID.randomUUID(), clientName, Instant.now());
        attrs.forEach((attribute, values) -> write(client, attribute, values));
        if (client.addresses().isEmpty()) {
            throw new InvalidInput(RadiusClientAttribute.ADDRESS, "a RADIUS client needs at least one radius_address");
        }
        em.persist(client);
        directory.changed();
        audit.success(AuditType.RADIUS_CLIENT_CREATE, caller, null, "client " + clientName + " at " + String.join(", ", client.addresses()));
        return view(client);
    }

    public List<ClientView> list() {
        reader();
        List<ClientView> views = new ArrayList<>();
        for (RadiusClient client : em.createQuery("select c from RadiusClient c order by c.name", RadiusClient.class).getResultList()) {
            views.add(view(client));
        }
        return views;
    }

    public ClientView get(String id) {
        reader();
        return view(require(id));
    }

    /** PATCH and PUT {@code _attr/{attr}}: each named attribute's values replaced. */
    public ClientView replace(String id, Map<String, List<String>> attrs) {
        Caller caller = writer();
        RadiusClient client = require(id);
        attrs.forEach((attribute, values) -> write(client, attribute, values));
        if (client.addresses().isEmpty()) {
            throw new InvalidInput(RadiusClientAttribute.ADDRESS, "a RADIUS client needs at least one radius_address");
        }
        directory.changed();
        audit.success(AuditType.RADIUS_CLIENT_MODIFY, caller, null, "client " + client.name() + ": " + String.join(", ", attrs.keySet()));
        return view(client);
    }

    /** POST {@code _attr/{attr}}: values added to the multi-valued attributes (addresses, groups); others replaced. */
    public ClientView append(String id, String attribute, List<String> values) {
        RadiusClientAttribute.require(attribute);
        RadiusClient client = requireForWrite(id);
        List<String> all = new ArrayList<>(switch (attribute) {
            case RadiusClientAttribute.ADDRESS -> client.addresses();
            case RadiusClientAttribute.GROUP -> client.groups().stream().map(UUID::toString).toList();
            default -> List.<String>of();
        });
        all.addAll(values);
        return replace(id, Map.of(attribute, all));
    }

    /** DELETE {@code _attr/{attr}}: the named values removed (all of them without a body). */
    public ClientView remove(String id, String attribute, List<String> values) {
        RadiusClientAttribute.require(attribute);
        RadiusClient client = requireForWrite(id);
        List<String> kept = new ArrayList<>();
        if (!values.isEmpty()) {
            if (RadiusClientAttribute.ADDRESS.equals(attribute)) {
                List<String> gone = RadiusClientAttribute.addresses(values);
                client.addresses().stream().filter(a -> !gone.contains(a)).forEach(kept::add);
            } else if (RadiusClientAttribute.GROUP.equals(attribute)) {
                List<UUID> gone = values.stream().map(v -> lookup.require(EntryKind.GROUP, v).uuid()).toList();
                client.groups().stream().filter(g -> !gone.contains(g)).map(UUID::toString).forEach(kept::add);
            }
        }
        return replace(id, Map.of(attribute, kept));
    }

    public void delete(String id) {
        Caller caller = writer();
        RadiusClient client = require(id);
        em.remove(client);
        directory.changed();
        audit.success(AuditType.RADIUS_CLIENT_DELETE, caller, null, "client " + client.name());
    }

    /** A new shared secret (at least 32 characters), shown in this answer only; the old one stops working at once. */
    public String generateSecret(String id) {
        Caller caller = writer();
        RadiusClient client = require(id);
        StringBuilder secret = new StringBuilder(SECRET_LENGTH);
        for (int i = 0; i < SECRET_LENGTH; i++) {
            secret.append(SECRET_ALPHABET.charAt(RANDOM.nextInt(SECRET_ALPHABET.length())));
        }
        client.setSealedSecret(KeyEncryption.fromConfiguredFile().encrypt(secret.toString(), SECRET_CONTEXT + client.uuid()));
        directory.changed();
        audit.success(AuditType.RADIUS_CLIENT_SECRET, caller, null, "client " + client.name() + ": shared secret generated");
        return secret.toString();
    }

    private void write(RadiusClient client, String attribute, List<String> values) {
        if (RadiusClientAttribute.GROUP.equals(attribute)) {
            LinkedHashSet<UUID> groups = new LinkedHashSet<>();
            for (String value : values) {
                Entry group = lookup.live(value).filter(e -> e.kind() == EntryKind.GROUP)
                        .orElseThrow(() -> new InvalidInput(RadiusClientAttribute.GROUP, "no such group: " + value));
                groups.add(group.uuid());
            }
            if (groups.size() > RadiusClientAttribute.MAX_GROUPS) {
                throw new InvalidInput(attribute, attribute + " takes at most " + RadiusClientAttribute.MAX_GROUPS + " groups");
            }
            client.groups().clear();
            client.groups().addAll(groups);
            return;
        }
        RadiusClientAttribute.replace(client, attribute, values);
    }

    private Optional<RadiusClient> find(String id) {
        return NameOrUuid.find(em, RadiusClient.class, id);
    }

    private RadiusClient require(String id) {
        return find(id).orElseThrow(() -> new EntryNotFound(id));
    }

    private RadiusClient requireForWrite(String id) {
        writer();
        return require(id);
    }

    private Caller reader() {
        Caller caller = callers.current();
        AccessControl.requireMember(caller, BuiltinGroup.IDM_RADIUS_ADMINS, "RADIUS clients");
        return caller;
    }

    private Caller writer() {
        Caller caller = reader();
        AccessControl.requireReadWrite(caller);
        return caller;
    }

    private ClientView view(RadiusClient client) {
        Map<String, List<String>> attrs = new LinkedHashMap<>();
        attrs.put("uuid", List.of(client.uuid().toString()));
        attrs.put(RadiusClientAttribute.NAME, List.of(client.name()));
        attrs.put("class", List.of("radius_client"));
        client.displayname().ifPresent(d -> attrs.put(RadiusClientAttribute.DISPLAYNAME, List.of(d)));
        attrs.put(RadiusClientAttribute.ADDRESS, List.copyOf(client.addresses()));
        Map<UUID, String> spns = lookup.spns(client.groups());
        attrs.put(RadiusClientAttribute.GROUP, client.groups().stream().map(g -> spns.getOrDefault(g, g.toString())).toList());
        attrs.put(RadiusClientAttribute.REQUIRE_MESSAGE_AUTHENTICATOR, List.of(String.valueOf(client.requireMessageAuthenticator())));
        client.sessionTimeout().ifPresent(s -> attrs.put(RadiusClientAttribute.SESSION_TIMEOUT, List.of(String.valueOf(s))));
        attrs.put("radius_secret_set", List.of(String.valueOf(client.sealedSecret().isPresent())));
        return new ClientView(client.uuid(), attrs);
    }
}
