package dev.signet.directory;

import dev.signet.audit.AuditType;
import static dev.signet.directory.LdapResultMapper.ADMIN_LIMIT_EXCEEDED;
import static dev.signet.directory.LdapResultMapper.BUSY;
import static dev.signet.directory.LdapResultMapper.COMPARE_FALSE;
import static dev.signet.directory.LdapResultMapper.COMPARE_TRUE;
import static dev.signet.directory.LdapResultMapper.CONFIDENTIALITY_REQUIRED;
import static dev.signet.directory.LdapResultMapper.INAPPROPRIATE_MATCHING;
import static dev.signet.directory.LdapResultMapper.PROTOCOL_ERROR;
import static dev.signet.directory.LdapResultMapper.SIZE_LIMIT_EXCEEDED;
import static dev.signet.directory.LdapResultMapper.SUCCESS;
import static dev.signet.directory.LdapResultMapper.TIME_LIMIT_EXCEEDED;
import static dev.signet.directory.LdapResultMapper.UNWILLING_TO_PERFORM;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import dev.signet.access.BuiltinGroup;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.adapter.ldap.LdapBindResult;
import dev.signet.adapter.ldap.LdapBoundIdentity;
import dev.signet.adapter.ldap.LdapCompare;
import dev.signet.adapter.ldap.LdapConnection;
import dev.signet.adapter.ldap.LdapFilter;
import dev.signet.adapter.ldap.LdapResult;
import dev.signet.adapter.ldap.LdapSearch;
import dev.signet.adapter.ldap.LdapSearchResult;
import dev.signet.audit.Audit;
import dev.signet.auth.Lockout;
import dev.signet.auth.SourceRateLimit;
import dev.signet.credential.PasswordCheck;
import dev.signet.credential.PasswordChecks;
import dev.signet.domain.Domain;
import dev.signet.entry.EntryLookup;
import dev.signet.entry.EntryView;
import dev.signet.entry.EntryViews;
import dev.signet.fault.EntryNotFound;
import dev.signet.fault.InvalidInput;
import dev.signet.fault.SignetFault;
import dev.signet.fault.TooManyRequests;
import dev.signet.model.Account;
import dev.signet.model.Entry;
import dev.signet.model.Group;
import dev.signet.schema.Schema;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jakarta.persistence.QueryTimeoutException;
import java.util.Objects;

/**
 * The LDAP gateway's answers (DESIGN.md: the directory facade). Binds check a password, or a
 * service account's API token, with the same per-source rate, lockout, account policy and audit
 * as every login, and answer the identity the connection is bound as from then on (its UUID: later
 * operations find the account without resolving a name); a search becomes one indexed query
 * ({@link LdapFilterTranslator}) of the decoded filter, paged by UUID, and each entry shows what
 * the bound identity may read; a compare is decided here too. Anonymous connections read the root
 * DSE and the subschema entry only. Refusals are faults, turned into result codes by
 * {@link LdapResultMapper} at the gateway.
 */
// access checked: the bound identity (or anonymous) is the caller of each operation
@PermitAll
@Stateless
public class Directory {
    /** The longest a search may run, whatever the client asks: the query and the mapping together. */
    static final int MAX_SECONDS = 30;
    /** Entries per search for an ordinary account; idm_account_read_priv and admins get more (Kanidm's limits). */
    static final int DEFAULT_LIMIT = 1024;
    static final int PRIVILEGED_LIMIT = 100_000;
    private static final String TOKEN_BIND = "dn=token";
    private static final String DENIED = "invalid credentials";
    /** Member names per query when finding which are POSIX accounts: well below any database's bound-parameter limit. */
    private static final int MEMBER_BATCH = 1000;

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private Domain domain;
    @EJB
    private EntryLookup lookup;
    @EJB
    private EntryViews views;
    @EJB
    private Lockout lockout;
    @EJB
    private BindSteps steps;
    @EJB
    private PasswordChecks checks;
    @EJB
    private SourceRateLimit rateLimit;
    @EJB
    private Audit audit;
    @Inject
    private LdapTraffic traffic;

    private LdapNames names() {
        return LdapNames.of(domain.name().value(), domain.name().baseDn());
    }

    /** The naming context: what a noSuchObject result names as matched. */
    public String namingContext() {
        return names().baseDn();
    }

    /** Outside any transaction: its database work is in {@link BindSteps}, none of it across the hash. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public LdapBindResult bind(LdapConnection connection, String name, char[] password) {
        LdapBindResult result = authenticate(connection, name, password);
        traffic.bound(result.result().resultCode());
        return result;
    }

    /**
     * RFC 4511 4.10 with a search's access control and matching rules: compareTrue only if the
     * caller could find the entry by that value (a private attribute it may not read compares
     * false, as it matches nothing in a filter). An attribute type the directory does not define
     * is undefinedAttributeType; a value its syntax cannot hold (an integer, a UUID) is
     * invalidAttributeSyntax, as OpenLDAP answers.
     */
    public LdapResult compare(LdapConnection connection, LdapCompare compare) {
        LdapAttributeType type = Subschema.attributeType(compare.attribute())
                .orElseThrow(() -> new UndefinedAttributeType(compare.attribute()));
        requireSyntax(type, compare.value());
        LdapSearch search = new LdapSearch(compare.dn(), 0, new LdapFilter.Equality(compare.attribute(), compare.value()), List.of("1.1"),
                1, 0, 0, null);
        LdapSearchResult found = search(connection, search);
        if (found.done().resultCode() != SUCCESS) {
            return found.done();
        }
        return new LdapResult(found.entries().isEmpty() ? COMPARE_FALSE : COMPARE_TRUE, "", "");
    }

    private static void requireSyntax(LdapAttributeType type, String value) {
        boolean valid = switch (type.syntax()) {
            case INTEGER -> value.trim().matches("-?[0-9]{1,10}");
            case UUID -> value.trim().matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
            default -> true;
        };
        if (!valid) {
            throw new InvalidInput(type.name(), value + " is not a valid " + type.syntax().name().toLowerCase(Locale.ROOT) + " for " + type.name());
        }
    }

    public LdapSearchResult search(LdapConnection connection, LdapSearch search) {
        long start = System.nanoTime();
        int seconds = search.timeLimitSeconds() > 0 ? Math.min(search.timeLimitSeconds(), MAX_SECONDS) : MAX_SECONDS;
        LdapSearchResult result;
        try {
            result = answer(connection, search, new Deadline(start, Duration.ofSeconds(seconds)));
        } catch (SignetFault fault) {
            // answered by the gateway's mapper; counted here under the code it will get
            traffic.searched(LdapResultMapper.codeOf(fault), 0, Duration.ofNanos(System.nanoTime() - start));
            throw fault;
        }
        traffic.searched(result.done().resultCode(), result.entries().size(), Duration.ofNanos(System.nanoTime() - start));
        return result;
    }

    private LdapBindResult authenticate(LdapConnection connection, String name, char[] password) {
        LdapNames names = names();
        if (name.isBlank() && password.length == 0) {
            return LdapBindResult.refused(LdapResult.success());
        }
        if (password.length == 0) {
            // RFC 4513 5.1.2: an unauthenticated bind (a name without a password) is refused, not let through
            return refused(UNWILLING_TO_PERFORM, "unauthenticated binds are not allowed");
        }
        if (!rateLimit.take(connection.remoteAddress()).isZero()) {
            // the allowance /v1/auth draws on too: a source cannot spray passwords faster over LDAP
            return refused(BUSY, "too many authentication attempts from this address; retry later");
        }
        if (!connection.secure()) {
            // RFC 4513 6.3.1: a secret is taken only under TLS; it is not even checked, so the answer tells nothing
            audit.failure(AuditType.LDAP_BIND, Caller.ANONYMOUS, null, name, "password sent without TLS from " + connection.remoteAddress());
            return refused(CONFIDENTIALITY_REQUIRED, "a password bind needs TLS: use LDAPS or StartTLS first");
        }
        Instant now = Instant.now();
        if (LdapNames.normal(name).equals(TOKEN_BIND) || looksLikeToken(password)) {
            Optional<BindSteps.Bound> bound = steps.tokenBind(connection.remoteAddress(), name, LdapNames.normal(name).equals(TOKEN_BIND),
                    names.nameOf(name), password, now);
            return bound.map(account -> bound(names, account)).orElseGet(() -> refused(LdapResult.INVALID_CREDENTIALS, DENIED));
        }
        Optional<String> accountName = names.nameOf(name);
        BindSteps.Target target = steps.target(accountName.orElse(null), name);
        // the attempt is counted before the password is checked, so concurrent binds cannot all
        // pass a lock check made before any of them failed
        Lockout.Reservation attempt = lockout.reserve(target.lockoutKey(), now);
        if (attempt.refused()) {
            checks.spend(password); // the same work as a real check, so a lock is not told by timing
            steps.refusedLocked(target, name);
            return refused(LdapResult.INVALID_CREDENTIALS, DENIED);
        }
        PasswordCheck check;
        try {
            check = checks.check(target.storedHash(), password);
        } catch (TooManyRequests e) {
            lockout.giveBack(attempt);
            return refused(BUSY, "too many password checks at once; retry shortly");
        }
        if (steps.conclude(target, name, connection.remoteAddress(), check, now) != null) {
            // counted even when the password was right and a policy refused the bind: a given-back
            // attempt would let the lockout counter confirm a guessed password
            if (attempt.locks()) {
                steps.locked(target, name);
            }
            return refused(LdapResult.INVALID_CREDENTIALS, DENIED);
        }
        lockout.succeeded(target.lockoutKey());
        return bound(names, new BindSteps.Bound(target.account(), steps.nameOf(target.account())));
    }

    /** A successful bind: the account, a new session for this bind, and the DN whoami reports. */
    private static LdapBindResult bound(LdapNames names, BindSteps.Bound account) {
        return new LdapBindResult(LdapResult.success(), new LdapBoundIdentity(account.uuid(), UUID.randomUUID(), names.dnOf(account.name())));
    }

    private static LdapBindResult refused(int code, String message) {
        return LdapBindResult.refused(new LdapResult(code, "", message));
    }

    /** A signed token (three base64url parts), not something a person would choose as a password. */
    private static boolean looksLikeToken(char[] password) {
        String value = new String(password);
        return value.length() > 100 && value.chars().filter(c -> c == '.').count() == 2 && value.matches("[A-Za-z0-9_\\-.]+");
    }

    private LdapSearchResult answer(LdapConnection connection, LdapSearch search, Deadline deadline) {
        LdapNames names = names();
        String base = LdapNames.normal(search.baseDn());
        if (base.isEmpty() && search.scope() == 0) {
            return new LdapSearchResult(List.of(rootDse(names)), LdapResult.success(), null);
        }
        if (Subschema.names(base)) {
            // like the root DSE, the schema is the server's, not anyone's data: clients read it before they bind
            return subschema(search);
        }
        Caller caller = caller(connection);
        if (caller == Caller.ANONYMOUS) {
            return new LdapSearchResult(List.of(), LdapResult.success(), null);
        }
        LdapFilter filter = search.filter();
        LdapFilterBounds.exceeded(filter).ifPresent(tooLarge -> {
            throw new AdminLimitExceeded(tooLarge);
        });
        boolean tree = base.equals(names.baseDn()) || base.equals("ou=people," + names.baseDn()) || base.equals("ou=groups," + names.baseDn());
        Optional<String> one = tree ? Optional.empty() : names.nameOf(base).filter(n -> base.endsWith(names.baseDn()));
        if (!tree && (one.isEmpty() || lookup.live(one.get()).isEmpty())) {
            throw new EntryNotFound(search.baseDn());
        }
        if (tree && search.scope() == 0 || !tree && search.scope() != 0) {
            // the containers themselves, and the children of an entry: none that a filter could match here
            return new LdapSearchResult(List.of(), LdapResult.success(), null);
        }
        return query(caller, names, search, filter, one, deadline);
    }

    private LdapSearchResult query(Caller caller, LdapNames names, LdapSearch search, LdapFilter filter, Optional<String> only,
                                   Deadline deadline) {
        boolean privileged = caller.in(BuiltinGroup.IDM_ACCOUNT_READ_PRIV) || caller.in(BuiltinGroup.IDM_ADMINS);
        int limit = privileged ? PRIVILEGED_LIMIT : DEFAULT_LIMIT;
        if (search.sizeLimit() > 0) {
            limit = Math.min(limit, search.sizeLimit());
        }
        int page = search.pageSize() > 0 ? Math.min(search.pageSize(), limit) : limit;
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Entry> query = cb.createQuery(Entry.class);
        Root<Entry> entry = query.from(Entry.class);
        List<Predicate> where = new ArrayList<>();
        where.add(entry.get("recycledAt").isNull());
        where.add(new LdapFilterTranslator<>(new CriteriaConditions(cb, query, entry), names, privileged, n -> lookup.live(n).map(Entry::uuid))
                .translate(filter));
        only.ifPresent(n -> where.add(cb.equal(entry.get("liveName"), n)));
        Optional<UUID> after = cookie(search.pageCookie());
        after.ifPresent(u -> where.add(cb.greaterThan(entry.get("uuid"), u)));
        query.select(entry).where(where.toArray(Predicate[]::new)).orderBy(cb.asc(entry.get("uuid")));
        List<Entry> found;
        try {
            if (deadline.passed()) {
                return timeLimitExceeded();
            }
            // the statement gets what is left of the operation's time (JDBC counts whole seconds)
            found = em.createQuery(query).setMaxResults(page + 1)
                    .setHint("jakarta.persistence.query.timeout", (int) Math.max(1000, deadline.remainingMillis())).getResultList();
        } catch (QueryTimeoutException e) {
            return timeLimitExceeded();
        }
        boolean more = found.size() > page;
        List<Entry> shown = more ? found.subList(0, page) : found;
        LdapEntryMapping mapping = new LdapEntryMapping(names);
        // references come as DNs, mapped from their UUIDs once
        List<EntryView> seen = views.of(shown, caller, LdapEntryMapping.schemaAttributesFor(search.attributes()), names::dnOf);
        Map<UUID, List<String>> memberUids = LdapEntryMapping.returns(search.attributes(), "memberUid") ? memberUids(shown) : Map.of();
        List<LdapSearchResult.Entry> entries = seen.stream()
                .map(v -> mapping.map(v, search.attributes(), v.attrs().containsKey(Schema.MEMBER) ? memberUids.getOrDefault(v.uuid(), List.of())
                        : List.of())).toList();
        if (deadline.passed()) {
            return timeLimitExceeded();
        }
        if (search.pageSize() > 0) {
            byte[] next = more ? shown.get(shown.size() - 1).uuid().toString().getBytes(StandardCharsets.US_ASCII) : null;
            return new LdapSearchResult(entries, LdapResult.success(), next);
        }
        return new LdapSearchResult(entries, more ? new LdapResult(SIZE_LIMIT_EXCEEDED, "", "more than " + limit + " entries match")
                : LdapResult.success(), null);
    }

    /**
     * Each group's memberUid (RFC 2307): the names of the live POSIX accounts among its members,
     * found by the members' UUIDs a bounded IN list at a time, in name order.
     */
    private Map<UUID, List<String>> memberUids(List<Entry> shown) {
        List<UUID> members = shown.stream().filter(Group.class::isInstance).flatMap(g -> ((Group) g).members().stream()).distinct().toList();
        Map<UUID, String> posix = new HashMap<>();
        for (int from = 0; from < members.size(); from += MEMBER_BATCH) {
            for (Object[] row : em.createQuery("select a.uuid, a.name from Account a where a.uuid in :members and a.gidnumber is not null"
                            + " and a.recycledAt is null", Object[].class)
                    .setParameter("members", members.subList(from, Math.min(members.size(), from + MEMBER_BATCH))).getResultList()) {
                posix.put((UUID) row[0], (String) row[1]);
            }
        }
        Map<UUID, List<String>> byGroup = new HashMap<>();
        for (Entry e : shown) {
            if (e instanceof Group g) {
                byGroup.put(g.uuid(), g.members().stream().map(posix::get).filter(Objects::nonNull).sorted().toList());
            }
        }
        return byGroup;
    }

    /** RFC 4512 4.4: a base search of the subschema entry, the filter evaluated on it as on any entry. */
    private static LdapSearchResult subschema(LdapSearch search) {
        if (search.scope() != 0) {
            return new LdapSearchResult(List.of(), LdapResult.success(), null);
        }
        try {
            boolean matches = Subschema.matches(search.filter());
            return new LdapSearchResult(matches ? List.of(Subschema.entry(search.attributes())) : List.of(), LdapResult.success(), null);
        } catch (LDAPException e) {
            return new LdapSearchResult(List.of(), new LdapResult(e.getResultCode() == ResultCode.INAPPROPRIATE_MATCHING ? INAPPROPRIATE_MATCHING
                    : PROTOCOL_ERROR, "", "the filter cannot be evaluated on the subschema entry: " + e.getMessage()), null);
        }
    }

    private static LdapSearchResult timeLimitExceeded() {
        return new LdapSearchResult(List.of(), new LdapResult(TIME_LIMIT_EXCEEDED, "", "the search took longer than its time limit"), null);
    }

    /** When an operation must be answered by: its start plus its time limit. */
    private record Deadline(long startNanos, Duration limit) {
        boolean passed() {
            return remainingMillis() <= 0;
        }

        long remainingMillis() {
            return limit.minusNanos(System.nanoTime() - startNanos).toMillis();
        }
    }

    private static Optional<UUID> cookie(byte[] cookie) {
        if (cookie.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(new String(cookie, StandardCharsets.US_ASCII)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The account the connection is bound as, found by its UUID; anonymous once it is gone or recycled. */
    private Caller caller(LdapConnection connection) {
        if (connection.anonymous()) {
            return Caller.ANONYMOUS;
        }
        return lookup.byUuid(connection.bound().account()).filter(e -> !e.recycled()).filter(Account.class::isInstance)
                .map(a -> Callers.of((Account) a)).orElse(Caller.ANONYMOUS);
    }

    private static LdapSearchResult.Entry rootDse(LdapNames names) {
        return new LdapSearchResult.Entry("", Map.of(
                "objectClass", List.of("top"),
                "namingContexts", List.of(names.baseDn()),
                "defaultNamingContext", List.of(names.baseDn()),
                "supportedLDAPVersion", List.of("3"),
                "supportedExtension", List.of("1.3.6.1.4.1.4203.1.11.3", "1.3.6.1.4.1.1466.20037"),
                "supportedControl", List.of("1.2.840.113556.1.4.319"),
                "supportedFeatures", List.of("1.3.6.1.4.1.4203.1.5.1"),
                "vendorName", List.of("Signet"),
                "subschemaSubentry", List.of(Subschema.DN)));
    }
}
