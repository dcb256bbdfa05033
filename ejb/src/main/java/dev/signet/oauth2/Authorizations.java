package dev.signet.oauth2;

import dev.signet.audit.AuditType;
import dev.signet.secret.RandomTokens;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.OIDCError;
import com.nimbusds.openid.connect.sdk.Prompt;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
import dev.signet.audit.ClientOrigin;
import dev.signet.auth.SourceRateLimit;
import dev.signet.auth.Tokens;
import dev.signet.auth.UserSession;
import dev.signet.auth.VerifiedToken;
import dev.signet.credential.SecretDigest;
import dev.signet.model.Account;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;

/**
 * {@code /oauth2/authorize}: validates a request, then walks the browser through login and consent
 * to a code. Errors about the client or its redirect URI are never redirected; every later error
 * goes back to the client as RFC 6749 says. Pending requests live in the cluster-wide cache.
 */
// access checked: the person's login session (cookie) and the client's scope maps
@PermitAll
@Stateless
public class Authorizations {
    private static final long PENDING_MINUTES = 15;
    private static final String DEVICE_GONE = "This code has expired or was already used; start again on the device.";

    @Resource(lookup = "java:jboss/infinispan/cache/signet/oauth2")
    private Cache<String, String> cache;

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private OAuth2Clients clients;
    @EJB
    private Entitlements entitlements;
    @EJB
    private AuthorizationCodes codes;
    @EJB
    private DeviceAuthorizations devices;
    @EJB
    private Tokens tokens;
    @EJB
    private Audit audit;
    @EJB
    private SourceRateLimit rateLimit;
    @Inject
    private Instance<ClientOrigin> origin;

    /** Validates the query of {@code /oauth2/authorize}; the next step is login, consent or a redirect. */
    public AuthorizationStep start(Map<String, List<String>> params, String issuerBase, String sessionToken, String browser) {
        String clientId = single(params, "client_id");
        OAuth2Client client = clients.find(clientId)
                .orElseThrow(() -> new InvalidAuthorizationRequest("unknown client_id: the application is not registered with Signet"));
        String redirect = single(params, "redirect_uri");
        if (!client.acceptsRedirect(redirect)) {
            throw new InvalidAuthorizationRequest("redirect_uri is missing or not registered for " + client.title());
        }
        URI redirectUri = URI.create(redirect);
        Issuer issuer = new Issuer(Issuers.of(issuerBase, client));
        State state = Optional.ofNullable(single(params, "state")).map(State::new).orElse(null);
        AuthorizationRequest request;
        try {
            request = AuthorizationRequest.parse(params);
        } catch (ParseException e) {
            ErrorObject error = e.getErrorObject() == null ? OAuth2Error.INVALID_REQUEST : e.getErrorObject();
            return error(redirectUri, error, state, issuer);
        }
        ErrorObject refusal = refusal(request, params, client);
        if (refusal != null) {
            return error(redirectUri, refusal, state, issuer);
        }
        Prompt prompt;
        Long maxAge;
        try {
            prompt = Prompt.parse(single(params, "prompt"));
            String maxAgeParam = single(params, "max_age");
            maxAge = maxAgeParam == null ? null : Long.parseLong(maxAgeParam);
            if (maxAge != null && maxAge < 0) {
                throw new NumberFormatException();
            }
        } catch (ParseException | NumberFormatException e) {
            return error(redirectUri, OAuth2Error.INVALID_REQUEST.setDescription("invalid prompt or max_age"), state, issuer);
        }
        boolean none = prompt != null && prompt.contains(Prompt.Type.NONE);
        boolean forceLogin = prompt != null && prompt.contains(Prompt.Type.LOGIN);
        PendingAuthorization pending = new PendingAuthorization(client.name(), redirect,
                new LinkedHashSet<>(request.getScope().toStringList()), state == null ? null : state.getValue(), single(params, "nonce"),
                request.getCodeChallenge() == null ? null : request.getCodeChallenge().getValue(), issuer.getValue(), none,
                prompt != null && prompt.contains(Prompt.Type.CONSENT), maxAge, forceLogin, null, null, null, browserDigest(browser));
        String id = randomId();
        save(id, pending);
        return next(id, sessionToken, false, browser);
    }

    /**
     * The device flow's verification page: a valid user code starts the same login, then a page
     * that confirms the device. Wrong codes are counted per source address (a right one is not).
     */
    public Optional<AuthorizationStep> startDevice(String userCode, String issuerBase, String sessionToken, String browser) {
        String source = ClientOrigin.addressOf(origin);
        rateLimit.acquire(SourceRateLimit.Attempt.DEVICE_USER_CODE, source);
        Optional<DeviceAuthorizations.Device> device = devices.byUserCode(userCode);
        if (device.isEmpty()) {
            return Optional.empty();
        }
        rateLimit.giveBack(SourceRateLimit.Attempt.DEVICE_USER_CODE, source);
        OAuth2Client client = em.find(OAuth2Client.class, device.get().client());
        if (client == null) {
            return Optional.empty();
        }
        PendingAuthorization pending = new PendingAuthorization(client.name(), null, device.get().scopes(), null, null, null,
                Issuers.of(issuerBase, client), false, false, null, false, device.get().key(), null, null, browserDigest(browser));
        String id = randomId();
        save(id, pending);
        return Optional.of(next(id, sessionToken, false, browser));
    }

    /**
     * Where the request stands for whoever holds {@code sessionToken} (the login cookie):
     * {@code freshLogin} says the person has just logged in on the login page of this request.
     */
    public AuthorizationStep next(String requestId, String sessionToken, boolean freshLogin, String browser) {
        PendingAuthorization pending = pending(requestId, browser);
        OAuth2Client client = clients.find(pending.client())
                .orElseThrow(() -> new InvalidAuthorizationRequest("the application was removed; start again from it"));
        if (freshLogin && pending.loginRequired()) {
            pending = pending.withLoginDone();
            save(requestId, pending);
        }
        Optional<Login> login = login(sessionToken);
        boolean tooOld = login.isPresent() && pending.maxAgeSeconds() != null
                && login.get().authTime().plusSeconds(pending.maxAgeSeconds()).isBefore(Instant.now()) && !freshLogin;
        if (login.isEmpty() || pending.loginRequired() || tooOld) {
            if (pending.promptNone()) {
                return finish(requestId, pending, OIDCError.LOGIN_REQUIRED);
            }
            return AuthorizationStep.login(requestId, client.title());
        }
        Account account = em.find(Account.class, login.get().account());
        Set<String> available = entitlements.scopes(client, account);
        if (!available.containsAll(pending.scopes())) {
            audit.failure(AuditType.OAUTH2_DENIED, Callers.of(account), account.uuid(), account.name(), "client " + client.name()
                    + " asked for scopes " + String.join(" ", pending.scopes()) + "; the account's groups map " + String.join(" ", available));
            return finish(requestId, pending, OAuth2Error.ACCESS_DENIED.setDescription("not entitled to the requested scopes"));
        }
        if (pending.deviceKey() != null) {
            return confirmDevice(requestId, pending, client, account);
        }
        if (consentNeeded(client, account, pending)) {
            if (pending.promptNone()) {
                return finish(requestId, pending, OIDCError.CONSENT_REQUIRED);
            }
            String consentToken = randomId();
            save(requestId, pending.awaitingConsent(account.uuid().toString(), consentToken));
            return AuthorizationStep.consent(requestId, client.title(), List.copyOf(pending.scopes()), consentToken);
        }
        return approve(requestId, pending, client, account, login.get());
    }

    /** The consent page's answer; it must come from the account that was shown the page. */
    public AuthorizationStep consent(String requestId, String sessionToken, String consentToken, boolean allow, String browser) {
        PendingAuthorization pending = pending(requestId, browser);
        Optional<Login> login = login(sessionToken);
        if (login.isEmpty()) {
            return next(requestId, sessionToken, false, browser);
        }
        if (pending.account() == null || !pending.account().equals(login.get().account().toString()) || consentToken == null
                || !MessageDigest.isEqual(consentToken.getBytes(StandardCharsets.UTF_8),
                pending.consentToken().getBytes(StandardCharsets.UTF_8))) {
            throw new InvalidAuthorizationRequest("this consent does not belong to the current request; start again from the application");
        }
        OAuth2Client client = clients.find(pending.client())
                .orElseThrow(() -> new InvalidAuthorizationRequest("the application was removed; start again from it"));
        Account account = em.find(Account.class, login.get().account());
        Caller actor = Callers.of(account);
        if (!allow) {
            audit.failure(AuditType.OAUTH2_CONSENT, actor, account.uuid(), account.name(), "refused client " + client.name());
            return finish(requestId, pending, OAuth2Error.ACCESS_DENIED.setDescription("the user refused"));
        }
        if (!entitlements.scopes(client, account).containsAll(pending.scopes())) {
            return finish(requestId, pending, OAuth2Error.ACCESS_DENIED.setDescription("not entitled to the requested scopes"));
        }
        Instant now = Instant.now();
        consentOf(account, client).ifPresentOrElse(c -> c.widen(pending.scopes(), now),
                () -> em.persist(new Consent(account.uuid(), client.uuid(), pending.scopes(), now)));
        audit.success(AuditType.OAUTH2_CONSENT, actor, account, "client " + client.name() + " scopes " + String.join(" ", pending.scopes()));
        return approve(requestId, pending, client, account, login.get());
    }

    /** The login a session token (the login cookie) stands for: a live, ordinary user session. */
    public Optional<Login> login(String sessionToken) {
        if (sessionToken == null || sessionToken.isEmpty()) {
            return Optional.empty();
        }
        Optional<VerifiedToken> token = tokens.verify(sessionToken);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        UserSession session = em.find(UserSession.class, token.get().session());
        if (session == null || session.credentialUpdate()) {
            return Optional.empty();
        }
        return Optional.of(new Login(session.account(), token.get().session(), session.issued(), session.method().orElse(null)));
    }

    /**
     * RFC 8628 section 5.4: a device is approved only by a POST of the page this step shows (client,
     * scopes, user code, a token for this request, this browser and this account), never by
     * opening a link, even when the person consented before: a link with a user code may come
     * from whoever started the device.
     */
    private AuthorizationStep confirmDevice(String requestId, PendingAuthorization pending, OAuth2Client client, Account account) {
        Optional<DeviceAuthorizations.Device> device = devices.waiting(pending.deviceKey());
        if (device.isEmpty()) {
            cache.remove(key(requestId));
            return AuthorizationStep.deviceDone(client.title(), DEVICE_GONE);
        }
        String confirmToken = randomId();
        save(requestId, pending.awaitingConsent(account.uuid().toString(), confirmToken));
        return AuthorizationStep.deviceConfirm(requestId, client.title(), List.copyOf(pending.scopes()), confirmToken,
                device.get().userCode());
    }

    private boolean consentNeeded(OAuth2Client client, Account account, PendingAuthorization pending) {
        if (!client.consentPrompt()) {
            return false;
        }
        return pending.promptConsent() || consentOf(account, client).map(c -> !c.covers(pending.scopes())).orElse(true);
    }

    private Optional<Consent> consentOf(Account account, OAuth2Client client) {
        return em.createQuery("select c from Consent c where c.account = :account and c.client = :client", Consent.class)
                .setParameter("account", account.uuid()).setParameter("client", client.uuid()).getResultStream().findFirst();
    }

    private AuthorizationStep approve(String requestId, PendingAuthorization pending, OAuth2Client client, Account account, Login login) {
        cache.remove(key(requestId));
        if (pending.deviceKey() != null) {
            if (!devices.approve(pending.deviceKey(), login)) {
                return AuthorizationStep.deviceDone(client.title(), DEVICE_GONE);
            }
            audit.success(AuditType.OAUTH2_DEVICE_APPROVE, Callers.of(account), account, "client " + client.name());
            return AuthorizationStep.deviceDone(client.title(), "Your device is signed in; you may close this page.");
        }
        String code = codes.issue(new CodeGrant(client.uuid(), pending.redirectUri(), login, pending.scopes(), pending.nonce(),
                pending.codeChallenge(), pending.issuer()));
        State state = pending.state() == null ? null : new State(pending.state());
        return AuthorizationStep.redirect(new AuthorizationSuccessResponse(URI.create(pending.redirectUri()), new AuthorizationCode(code),
                null, state, new Issuer(pending.issuer()), ResponseMode.QUERY).toURI().toString());
    }

    private AuthorizationStep finish(String requestId, PendingAuthorization pending, ErrorObject error) {
        cache.remove(key(requestId));
        if (pending.deviceKey() != null) {
            devices.deny(pending.deviceKey());
            return AuthorizationStep.deviceDone(pending.client(), "The device was not signed in: " + error.getDescription());
        }
        return error(URI.create(pending.redirectUri()), error, pending.state() == null ? null : new State(pending.state()),
                new Issuer(pending.issuer()));
    }

    private static AuthorizationStep error(URI redirectUri, ErrorObject error, State state, Issuer issuer) {
        return AuthorizationStep.redirect(new AuthorizationErrorResponse(redirectUri, error, state, issuer, ResponseMode.QUERY)
                .toURI().toString());
    }

    /** Why a syntactically valid request is refused: what this provider does not do, or PKCE missing. */
    private static ErrorObject refusal(AuthorizationRequest request, Map<String, List<String>> params, OAuth2Client client) {
        if (!new ResponseType(ResponseType.Value.CODE).equals(request.getResponseType())) {
            return OAuth2Error.UNSUPPORTED_RESPONSE_TYPE.setDescription("only the authorization code flow (response_type=code)");
        }
        if (request.getResponseMode() != null && !ResponseMode.QUERY.equals(request.getResponseMode())) {
            return OAuth2Error.INVALID_REQUEST.setDescription("only response_mode=query");
        }
        if (params.containsKey("request")) {
            return OAuth2Error.REQUEST_NOT_SUPPORTED;
        }
        if (params.containsKey("request_uri")) {
            return OAuth2Error.REQUEST_URI_NOT_SUPPORTED;
        }
        if (request.getScope() == null || request.getScope().isEmpty()) {
            return OAuth2Error.INVALID_SCOPE.setDescription("scope is required");
        }
        if (request.getCodeChallenge() != null && !CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) {
            return OAuth2Error.INVALID_REQUEST.setDescription("code_challenge_method must be S256 (plain is refused)");
        }
        if (request.getCodeChallenge() == null && client.pkceRequired()) {
            return OAuth2Error.INVALID_REQUEST.setDescription("PKCE is required: code_challenge with code_challenge_method=S256");
        }
        return null;
    }

    /** Refuses a login step for a request this browser did not start (before any credential is looked at). */
    public void requireSameBrowser(String requestId, String browser) {
        pending(requestId, browser);
    }

    private PendingAuthorization pending(String requestId, String browser) {
        String stored = requestId == null || requestId.length() > 64 ? null : cache.get(key(requestId));
        if (stored == null) {
            throw new InvalidAuthorizationRequest("this sign-in request has expired or is unknown; start again from the application");
        }
        PendingAuthorization pending = PendingAuthorization.fromJson(stored);
        if (browser == null || !MessageDigest.isEqual(browserDigest(browser).getBytes(StandardCharsets.US_ASCII),
                pending.browser().getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidAuthorizationRequest("this sign-in was started in another browser (or its cookies were cleared); "
                    + "start again from the application");
        }
        return pending;
    }

    private static String browserDigest(String browser) {
        if (browser == null || browser.length() < 32 || browser.length() > 128) {
            throw new InvalidAuthorizationRequest("the browser cookie is missing; enable cookies for this site and start again");
        }
        return SecretDigest.of(browser);
    }

    private void save(String requestId, PendingAuthorization pending) {
        cache.put(key(requestId), pending.toJson(), PENDING_MINUTES, TimeUnit.MINUTES);
    }

    private static String key(String requestId) {
        return "req:" + requestId;
    }

    private static String randomId() {
        return RandomTokens.urlSafe(24);
    }

    /** One value of a parameter; a repeated parameter counts as absent (RFC 6749 section 3.1). */
    static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, new ArrayList<>());
        return values.size() == 1 && !values.get(0).isEmpty() ? values.get(0) : null;
    }
}
