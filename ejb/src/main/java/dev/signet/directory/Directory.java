package dev.signet.directory;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import dev.signet.access.BuiltinGroup;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.adapter.ldap.LdapConnection;
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
import dev.signet.fault.TooManyRequests;
import dev.signet.model.Account;
import dev.signet.model.Entry;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The LDAP gateway's answers (DESIGN.md: the directory facade). Binds check a password, or a
 * service account's API token, with the same per-source rate, lockout, account policy and audit
 * as every login; a search becomes one indexed query ({@link LdapFilterTranslator}), paged by
 * UUID, and each entry shows what the bound identity may read. Anonymous connections read the
 * root DSE and the subschema entry only.
 */
// access is decided in code: the bound identity (or anonymous) is the caller of each operation
@PermitAll
@Stateless
public class Directory {
    static final int SUCCESS = 0;
    static final int TIME_LIMIT_EXCEEDED = 3;
    static final int SIZE_LIMIT_EXCEEDED = 4;
    /** The longest a search may run, whatever the client asks: parsing, the query and the mapping together. */
    static final int MAX_SECONDS = 30;
    static final int PROTOCOL_ERROR = 2;
    static final int INAPPROPRIATE_MATCHING = 18;
    static final int ADMIN_LIMIT_EXCEEDED = 11;
    static final int CONFIDENTIALITY_REQUIRED = 13;
    static final int NO_SUCH_OBJECT = 32;
    static final int BUSY = 51;
    static final int UNWILLING_TO_PERFORM = 53;
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

    /** Outside any transaction: its database work is in {@link BindSteps}, none of it across the hash. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public LdapResult bind(LdapConnection connection, String name, char[] password) {
        LdapResult result = authenticate(connection, name, password);
        traffic.bound(result.resultCode());
        return result;
    }

    public LdapSearchResult search(LdapConnection connection, LdapSearch search) {
        long start = System.nanoTime();
        int seconds = search.timeLimitSeconds() > 0 ? Math.min(search.timeLimitSeconds(), MAX_SECONDS) : MAX_SECONDS;
        LdapSearchResult result = answer(connection, search, new Deadline(start, Duration.ofSeconds(seconds)));
        traffic.searched(result.done().resultCode(), result.entries().size(), Duration.ofNanos(System.nanoTime() - start));
        return result;
    }

    private LdapResult authenticate(LdapConnection connection, String name, char[] password) {
        LdapNames names = names();
        if (name.isBlank() && password.length == 0) {
            return LdapResult.success();
        }
        if (password.length == 0) {
            // RFC 4513 5.1.2: an unauthenticated bind (a name without a password) is refused, not let through
            return new LdapResult(UNWILLING_TO_PERFORM, "", "unauthenticated binds are not allowed");
        }
        if (!rateLimit.take(connection.remoteAddress()).isZero()) {
            // the allowance /v1/auth draws on too: a source cannot spray passwords faster over LDAP
            return new LdapResult(BUSY, "", "too many authentication attempts from this address; retry later");
        }
        if (!connection.secure()) {
            // RFC 4513 6.3.1: a secret is taken only under TLS; it is not even checked, so the answer tells nothing
            audit.failure("ldap.bind", Caller.ANONYMOUS, null, name, "password sent without TLS from " + connection.remoteAddress());
            return new LdapResult(CONFIDENTIALITY_REQUIRED, "", "a password bind needs TLS: use LDAPS or StartTLS first");
        }
        Instant now = Instant.now();
        if (LdapNames.normal(name).equals(TOKEN_BIND) || looksLikeToken(password)) {
            Optional<String> bound = steps.tokenBind(connection.remoteAddress(), name, LdapNames.normal(name).equals(TOKEN_BIND),
                    names.nameOf(name), password, now);
            return bound.map(account -> new LdapResult(SUCCESS, names.dnOf(account), ""))
                    .orElseGet(() -> new LdapResult(LdapResult.INVALID_CREDENTIALS, "", DENIED));
        }
        Optional<String> accountName = names.nameOf(name);
        BindSteps.Target target = steps.target(accountName.orElse(null), name);
        // the attempt is counted before the password is checked, so concurrent binds cannot all
        // pass a lock check made before any of them failed
        Lockout.Reservation attempt = lockout.reserve(target.lockoutKey(), now);
        if (attempt.refused()) {
            checks.spend(password); // the same work as a real check, so a lock is not told by timing
            steps.refusedLocked(target, name);
            return new LdapResult(LdapResult.INVALID_CREDENTIALS, "", DENIED);
        }
        PasswordCheck check;
        try {
            check = checks.check(target.storedHash(), password);
        } catch (TooManyRequests e) {
            lockout.giveBack(attempt);
            return new LdapResult(BUSY, "", "too many password checks at once; retry shortly");
        }
        if (steps.conclude(target, name, connection.remoteAddress(), check, now) != null) {
            // counted even when the password was right and a policy refused the bind: a given-back
            // attempt would let the lockout counter confirm a guessed password
            if (attempt.locks()) {
                steps.locked(target, name);
            }
            return new LdapResult(LdapResult.INVALID_CREDENTIALS, "", DENIED);
        }
        lockout.succeeded(target.lockoutKey());
        return new LdapResult(SUCCESS, names.dnOf(steps.nameOf(target.account())), "");
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
        Caller caller = caller(connection, names);
        if (caller == Caller.ANONYMOUS) {
            return new LdapSearchResult(List.of(), LdapResult.success(), null);
        }
        Filter filter;
        try {
            filter = Filter.create(search.filter());
        } catch (LDAPException e) {
            return new LdapSearchResult(List.of(), new LdapResult(PROTOCOL_ERROR, "", "the filter is not valid: " + e.getMessage()), null);
        }
        Optional<String> tooLarge = LdapFilterBounds.exceeded(filter);
        if (tooLarge.isPresent()) {
            return new LdapSearchResult(List.of(), new LdapResult(ADMIN_LIMIT_EXCEEDED, "", tooLarge.get()), null);
        }
        boolean tree = base.equals(names.baseDn()) || base.equals("ou=people," + names.baseDn()) || base.equals("ou=groups," + names.baseDn());
        Optional<String> one = tree ? Optional.empty() : names.nameOf(base).filter(n -> base.endsWith(names.baseDn()));
        if (!tree && (one.isEmpty() || lookup.live(one.get()).isEmpty())) {
            return new LdapSearchResult(List.of(), new LdapResult(NO_SUCH_OBJECT, names.baseDn(), "no such entry"), null);
        }
        if (tree && search.scope() == 0 || !tree && search.scope() != 0) {
            // the containers themselves, and the children of an entry: none that a filter could match here
            return new LdapSearchResult(List.of(), LdapResult.success(), null);
        }
        return query(caller, names, search, filter, one, deadline);
    }

    private LdapSearchResult query(Caller caller, LdapNames names, LdapSearch search, Filter filter, Optional<String> only,
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
        try {
            where.add(new LdapFilterTranslator(cb, query, entry, names, privileged, n -> lookup.live(n).map(Entry::uuid)).translate(filter));
        } catch (InappropriateMatching e) {
            return new LdapSearchResult(List.of(), new LdapResult(INAPPROPRIATE_MATCHING, "", e.getMessage()), null);
        }
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
        } catch (jakarta.persistence.QueryTimeoutException e) {
            return timeLimitExceeded();
        }
        boolean more = found.size() > page;
        List<Entry> shown = more ? found.subList(0, page) : found;
        LdapEntryMapping mapping = new LdapEntryMapping(names);
        List<EntryView> seen = views.of(shown, caller, LdapEntryMapping.schemaAttributesFor(search.attributes()));
        Set<String> posixAccounts = LdapEntryMapping.returns(search.attributes(), "memberUid") ? posixAccountsAmongMembers(seen) : Set.of();
        List<LdapSearchResult.Entry> entries = seen.stream().map(v -> mapping.map(v, search.attributes(), posixAccounts)).toList();
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

    /** The names of the live POSIX accounts among the members of these entries (for memberUid), a bounded IN list at a time. */
    private Set<String> posixAccountsAmongMembers(List<EntryView> shown) {
        List<String> members = shown.stream().flatMap(v -> v.attrs().getOrDefault(Schema.MEMBER, List.of()).stream())
                .map(LdapEntryMapping::nameOfSpn).distinct().toList();
        Set<String> posix = new HashSet<>();
        for (int from = 0; from < members.size(); from += MEMBER_BATCH) {
            posix.addAll(em.createQuery("select a.liveName from Account a where a.liveName in :names and a.gidnumber is not null", String.class)
                    .setParameter("names", members.subList(from, Math.min(members.size(), from + MEMBER_BATCH))).getResultList());
        }
        return posix;
    }

    /** RFC 4512 4.4: a base search of the subschema entry, the filter evaluated on it as on any entry. */
    private static LdapSearchResult subschema(LdapSearch search) {
        if (search.scope() != 0) {
            return new LdapSearchResult(List.of(), LdapResult.success(), null);
        }
        try {
            boolean matches = Subschema.matches(Filter.create(search.filter()));
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

    private Caller caller(LdapConnection connection, LdapNames names) {
        if (connection.anonymous()) {
            return Caller.ANONYMOUS;
        }
        return names.nameOf(connection.boundName()).flatMap(lookup::live).filter(Account.class::isInstance)
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
