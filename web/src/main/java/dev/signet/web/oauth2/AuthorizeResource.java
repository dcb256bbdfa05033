package dev.signet.web.oauth2;

import dev.signet.auth.AuthOutcome;
import dev.signet.auth.Authentication;
import dev.signet.auth.BrowserSignIn;
import dev.signet.fault.InvalidInput;
import dev.signet.fault.TooManyRequests;
import dev.signet.oauth2.AuthorizationStep;
import dev.signet.oauth2.Authorizations;
import dev.signet.oauth2.InvalidAuthorizationRequest;
import dev.signet.web.v1.PasskeyJson;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.net.URI;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The browser side of the authorization code and device flows: {@code /oauth2/authorize}, its
 * login pages (password, TOTP or backup code, passkey, through the same {@link Authentication}
 * as {@code /v1/auth}) and its consent page. A login leaves an HttpOnly, SameSite=Lax session
 * cookie on {@code /oauth2}, so a second application signs in without asking again.
 */
@RequestScoped
@Path("oauth2")
public class AuthorizeResource {
    static final String SESSION_COOKIE = "signet_session";
    /** Binds a sign-in to the browser that started it: SameSite=Lax keeps it off cross-site form posts. */
    static final String BROWSER_COOKIE = "signet_browser";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    @EJB
    private Authorizations authorizations;
    @EJB
    private BrowserSignIn signIn;
    @Context
    private UriInfo uri;
    @Context
    private HttpServletRequest servletRequest;
    @Context
    private HttpServletResponse servletResponse;

    @GET
    @Path("authorize")
    public Response authorize(@CookieParam(SESSION_COOKIE) String session, @CookieParam(BROWSER_COOKIE) String browser) {
        String known = browserOrNew(browser);
        return guarded(() -> withBrowser(render(authorizations.start(uri.getQueryParameters(), OAuth2Exchange.origin(uri), session, known),
                null), browser, known));
    }

    /** OpenID Connect section 3.1.2.1: the authorization endpoint also takes its parameters as a form. */
    @POST
    @Path("authorize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response authorizeByForm(@CookieParam(SESSION_COOKIE) String session, @CookieParam(BROWSER_COOKIE) String browser,
                                    MultivaluedMap<String, String> form) {
        String known = browserOrNew(browser);
        return guarded(() -> withBrowser(render(authorizations.start(form, OAuth2Exchange.origin(uri), session, known), null),
                browser, known));
    }

    @GET
    @Path("device")
    public Response device(@QueryParam("user_code") String userCode, @CookieParam(SESSION_COOKIE) String session,
                           @CookieParam(BROWSER_COOKIE) String browser) {
        if (userCode == null || userCode.isBlank()) {
            return pages().deviceCode(null);
        }
        String known = browserOrNew(browser);
        return guarded(() -> withBrowser(authorizations.startDevice(userCode, OAuth2Exchange.origin(uri), session, known)
                .map(step -> render(step, null))
                .orElseGet(() -> pages().deviceCode("That code is unknown or has expired; check your device.")), browser, known));
    }

    @POST
    @Path("authorize/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@CookieParam(BROWSER_COOKIE) String browser, @FormParam("request") String request,
                          @FormParam("username") String username) {
        return guarded(() -> {
            authorizations.requireSameBrowser(request, browser);
            BrowserSignIn.CredentialForm form = signIn.start(username);
            return pages().credentials(request, form.auth().toString(), form.username(), form.secondFactor(), form.passkeyOffered());
        });
    }

    @POST
    @Path("authorize/credential")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response credential(@CookieParam(BROWSER_COOKIE) String browser, @FormParam("request") String request,
                               @FormParam("auth") String auth, @FormParam("totp") String totp, @FormParam("password") String password) {
        return guarded(() -> {
            authorizations.requireSameBrowser(request, browser);
            return concluded(request, browser, signIn.credentials(authSession(auth), totp,
                    password == null ? new char[0] : password.toCharArray()));
        });
    }

    @POST
    @Path("authorize/passkey")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response passkey(@CookieParam(BROWSER_COOKIE) String browser, @FormParam("request") String request,
                            @FormParam("username") String username) {
        return guarded(() -> {
            authorizations.requireSameBrowser(request, browser);
            BrowserSignIn.PasskeyCeremony ceremony = signIn.startPasskey(username);
            return pages().passkey(request, ceremony.auth().toString(), PasskeyJson.requestOptions(ceremony.challenge()));
        });
    }

    @POST
    @Path("authorize/passkey/finish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response passkeyFinish(@CookieParam(BROWSER_COOKIE) String browser, @FormParam("request") String request,
                                  @FormParam("auth") String auth, @FormParam("assertion") String assertion) {
        return guarded(() -> {
            authorizations.requireSameBrowser(request, browser);
            JsonValue parsed;
            try {
                parsed = Json.createReader(new StringReader(assertion == null ? "" : assertion)).readValue();
            } catch (JsonException e) {
                throw new InvalidInput("assertion", "the passkey assertion is not JSON");
            }
            return concluded(request, browser, signIn.finishPasskey(authSession(auth), PasskeyJson.assertion(parsed)));
        });
    }

    @POST
    @Path("authorize/consent")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response consent(@CookieParam(SESSION_COOKIE) String session, @CookieParam(BROWSER_COOKIE) String browser,
                            @FormParam("request") String request, @FormParam("consent_token") String consentToken,
                            @FormParam("decision") String decision) {
        return guarded(() -> render(authorizations.consent(request, session, consentToken, "allow".equals(decision), browser), null));
    }

    /** A login that succeeded sets the session cookie and moves the request on; one that failed starts again. */
    private Response concluded(String request, String browser, AuthOutcome outcome) {
        if (outcome.state() != AuthOutcome.State.SUCCESS) {
            return denied(request, browser);
        }
        return render(authorizations.next(request, outcome.token(), true, browser), outcome.token());
    }

    private Response denied(String request, String browser) {
        AuthorizationStep step = authorizations.next(request, null, false, browser);
        return pages().username(request, step.clientTitle(), Authentication.DENIED, 401);
    }

    private Response render(AuthorizationStep step, String newSession) {
        Response.ResponseBuilder response = switch (step.kind()) {
            case LOGIN -> Response.fromResponse(pages().username(step.requestId(), step.clientTitle(), null, 200));
            case CONSENT -> Response.fromResponse(pages().consent(step.requestId(), step.clientTitle(), step.scopes(),
                    step.consentToken()));
            case DEVICE_CONFIRM -> Response.fromResponse(pages().deviceConfirm(step.requestId(), step.clientTitle(), step.scopes(),
                    step.userCode(), step.consentToken()));
            case REDIRECT -> Response.seeOther(URI.create(step.redirect())).header("Cache-Control", "no-store");
            case DEVICE_DONE -> Response.fromResponse(pages().message(200, step.clientTitle(), step.message()));
        };
        if (newSession != null) {
            response.cookie(new NewCookie.Builder(SESSION_COOKIE).value(newSession).path("/oauth2").secure(true).httpOnly(true)
                    .sameSite(NewCookie.SameSite.LAX).build());
        }
        return response.build();
    }

    /** The browser's cookie, or a new random one for a browser that has none yet. */
    private static String browserOrNew(String browser) {
        if (browser != null && browser.length() >= 32 && browser.length() <= 128) {
            return browser;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Sets the browser cookie on the answer when it is new. */
    private static Response withBrowser(Response response, String had, String known) {
        if (known.equals(had)) {
            return response;
        }
        return Response.fromResponse(response).cookie(new NewCookie.Builder(BROWSER_COOKIE).value(known).path("/oauth2").secure(true)
                .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build()).build();
    }

    /** The flow's refusals as pages: bad requests are never redirected, lockouts say so. */
    private Response guarded(Supplier<Response> action) {
        try {
            return action.get();
        } catch (InvalidAuthorizationRequest e) {
            return pages().message(400, "Sign-in request refused", e.getMessage());
        } catch (TooManyRequests e) {
            return Response.fromResponse(pages().message(429, "Too many attempts", e.getMessage()))
                    .header("Retry-After", Math.max(1, e.retryAfter().toSeconds())).build();
        } catch (InvalidInput e) {
            return pages().message(400, "Sign-in request refused", e.getMessage());
        }
    }

    private SignInPages pages() {
        return new SignInPages(servletRequest, servletResponse);
    }

    private static UUID authSession(String auth) {
        try {
            return UUID.fromString(auth == null ? "" : auth);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("auth", "the sign-in form is incomplete; start again");
        }
    }

}
