package dev.signet.web.v1;

import dev.signet.auth.AuthOutcome;
import dev.signet.auth.Authentication;
import dev.signet.auth.Tokens;
import dev.signet.fault.InvalidInput;
import dev.signet.fault.NotAuthenticated;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * {@code POST /v1/auth}, the step protocol of DESIGN.md section 4, and {@code POST /v1/logout}.
 * The session id travels in {@code X-Signet-Auth-Session-Id} both ways.
 */
@RequestScoped
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {
    static final String SESSION_HEADER = "X-Signet-Auth-Session-Id";

    @EJB
    private Authentication authentication;
    @EJB
    private Tokens tokens;

    @POST
    @Path("auth")
    public Response step(@HeaderParam(SESSION_HEADER) String sessionHeader, JsonObject body) {
        JsonValue stepValue = body == null ? null : body.get("step");
        if (stepValue == null || stepValue.getValueType() != JsonValue.ValueType.OBJECT || stepValue.asJsonObject().size() != 1) {
            throw new InvalidInput("step", "body must be {\"step\": {\"init\"|\"begin\"|\"cred\": ...}}");
        }
        JsonObject step = stepValue.asJsonObject();
        AuthOutcome outcome;
        if (step.containsKey("init")) {
            outcome = authentication.init(EntryJson.optionalString(step, "init"));
        } else if (step.containsKey("init2")) {
            JsonValue init2 = step.get("init2");
            if (init2.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidInput("init2", "init2 must be {\"username\": \"...\", \"privileged\": true|false}");
            }
            JsonValue privileged = init2.asJsonObject().get("privileged");
            outcome = authentication.init(EntryJson.optionalString(init2.asJsonObject(), "username"),
                    privileged == JsonValue.TRUE);
        } else if (step.containsKey("begin")) {
            outcome = authentication.begin(session(sessionHeader), EntryJson.optionalString(step, "begin"));
        } else if (step.containsKey("cred")) {
            JsonValue cred = step.get("cred");
            if (cred.getValueType() != JsonValue.ValueType.OBJECT || cred.asJsonObject().size() != 1) {
                throw new InvalidInput("cred", "cred must be {\"password\"|\"totp\"|\"backup_code\": ...}");
            }
            JsonObject credential = cred.asJsonObject();
            if (credential.containsKey("password")) {
                String password = EntryJson.optionalString(credential, "password");
                if (password == null) {
                    throw new InvalidInput("cred", "cred must be {\"password\": \"...\"}");
                }
                outcome = authentication.password(session(sessionHeader), password.toCharArray());
            } else if (credential.containsKey(Authentication.TOTP)) {
                outcome = authentication.secondFactor(session(sessionHeader), Authentication.TOTP,
                        SelfCredentialResource.code(credential.get(Authentication.TOTP), "cred"));
            } else if (credential.containsKey(Authentication.PASSKEY)) {
                outcome = authentication.passkey(session(sessionHeader), PasskeyJson.assertion(credential.get(Authentication.PASSKEY)));
            } else if (credential.containsKey(Authentication.BACKUP_CODE)) {
                outcome = authentication.secondFactor(session(sessionHeader), Authentication.BACKUP_CODE,
                        EntryJson.optionalString(credential, Authentication.BACKUP_CODE));
            } else {
                throw new InvalidInput("cred", "unknown credential " + credential.keySet());
            }
        } else {
            throw new InvalidInput("step", "unknown step " + step.keySet());
        }
        return Response.ok(json(outcome)).header(SESSION_HEADER, outcome.sessionId()).build();
    }

    /** Starts a reauthentication of the bearer's session; continue with {@code /v1/auth} begin and cred. */
    @POST
    @Path("reauth")
    public Response reauth(@HeaderParam("Authorization") String authorization) {
        AuthOutcome outcome = authentication.reauth(bearer(authorization));
        return Response.ok(json(outcome)).header(SESSION_HEADER, outcome.sessionId()).build();
    }

    @POST
    @Path("logout")
    public Response logout(@HeaderParam("Authorization") String authorization) {
        if (!tokens.revoke(bearer(authorization))) {
            throw new NotAuthenticated("logout needs the bearer token to end");
        }
        return Response.noContent().build();
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new NotAuthenticated("a bearer token is required");
        }
        return authorization.substring(7).trim();
    }

    private static UUID session(String header) {
        if (header == null) {
            throw new InvalidInput(SESSION_HEADER, SESSION_HEADER + " header is required after init");
        }
        try {
            return UUID.fromString(header.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(SESSION_HEADER, SESSION_HEADER + " must be the session id init returned");
        }
    }

    private static JsonObject json(AuthOutcome outcome) {
        JsonObjectBuilder state = Json.createObjectBuilder();
        switch (outcome.state()) {
            case CHOOSE -> state.add("choose", Json.createArrayBuilder(outcome.mechanisms()));
            case CONTINUE -> {
                state.add("continue", Json.createArrayBuilder(outcome.mechanisms()));
                if (outcome.passkey() != null) {
                    state.add("passkey", PasskeyJson.requestOptions(outcome.passkey()));
                }
            }
            case SUCCESS -> state.add("success", outcome.token());
            case DENIED -> state.add("denied", outcome.reason());
        }
        return Json.createObjectBuilder().add("sessionid", String.valueOf(outcome.sessionId())).add("state", state).build();
    }
}
