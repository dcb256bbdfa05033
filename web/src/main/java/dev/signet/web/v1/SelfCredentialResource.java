package dev.signet.web.v1;

import dev.signet.credential.BackupCodes;
import dev.signet.credential.PasskeyInfo;
import dev.signet.credential.Passkeys;
import dev.signet.credential.TotpEnrolment;
import dev.signet.credential.Totps;
import dev.signet.fault.InvalidInput;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.json.JsonString;

/**
 * The caller's own second factors: {@code POST /v1/self/_credential/_totp} starts a TOTP
 * enrolment, {@code .../_totp/{id}/_verify} {"code"} completes it, {@code DELETE .../_totp/{id}}
 * removes it; {@code POST .../_backup_codes} makes a new set of backup codes (shown once).
 */
@RequestScoped
@Path("v1/self/_credential")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SelfCredentialResource {
    @EJB
    private Totps totps;
    @EJB
    private BackupCodes backupCodes;
    @EJB
    private Passkeys passkeys;

    /** Starts a passkey registration: the options for {@code navigator.credentials.create}. */
    @POST
    @Path("_passkey/_begin")
    public JsonObject beginPasskey() {
        return PasskeyJson.creationOptions(passkeys.beginRegistration());
    }

    /** Body {@code {"ceremony", "label"?, "credential": {"response": {"attestationObject", "clientDataJSON"}}}}. */
    @POST
    @Path("_passkey/_finish")
    public Response finishPasskey(JsonObject body) {
        JsonObject options = PasskeyJson.object(body, "credential");
        JsonObject response = PasskeyJson.object(PasskeyJson.object(options.get("credential"), "credential").get("response"), "credential");
        PasskeyInfo info = passkeys.finishRegistration(EntryJson.optionalString(options, "ceremony"), EntryJson.optionalString(options, "label"),
                EntryJson.optionalString(response, "attestationObject"), EntryJson.optionalString(response, "clientDataJSON"));
        return Response.status(Response.Status.CREATED).entity(passkey(info)).build();
    }

    @GET
    @Path("_passkey")
    public JsonArray listPasskeys() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        passkeys.list().forEach(p -> list.add(passkey(p)));
        return list.build();
    }

    @DELETE
    @Path("_passkey/{id}")
    public Response removePasskey(@PathParam("id") String id) {
        passkeys.remove(EntryJson.uuid("id", id));
        return Response.noContent().build();
    }

    private static JsonObject passkey(PasskeyInfo info) {
        return Json.createObjectBuilder().add("id", info.id().toString()).add("label", info.label())
                .add("created", info.created().toString()).build();
    }

    @POST
    @Path("_totp")
    public Response enrolTotp(JsonObject body) {
        JsonObject options = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        JsonValue digits = options.get("digits");
        if (digits != null && digits.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new InvalidInput("digits", "digits must be 6 or 8");
        }
        TotpEnrolment enrolment = totps.enrol(EntryJson.optionalString(options, "label"), EntryJson.optionalString(options, "algorithm"),
                digits == null ? null : ((JsonNumber) digits).intValue());
        return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder()
                .add("id", enrolment.id().toString()).add("uri", enrolment.uri()).add("secret", enrolment.secret()).build()).build();
    }

    @POST
    @Path("_totp/{id}/_verify")
    public Response verifyTotp(@PathParam("id") String id, JsonObject body) {
        totps.confirm(EntryJson.uuid("id", id), code(body == null ? null : body.get("code"), "code"));
        return Response.noContent().build();
    }

    @DELETE
    @Path("_totp/{id}")
    public Response removeTotp(@PathParam("id") String id) {
        totps.remove(EntryJson.uuid("id", id));
        return Response.noContent().build();
    }

    @POST
    @Path("_backup_codes")
    public JsonObject backupCodes() {
        return Json.createObjectBuilder().add("codes", Json.createArrayBuilder(backupCodes.generate())).build();
    }

    /** A one-time code as a string, or as a JSON number (Kanidm's clients send numbers). */
    static String code(JsonValue value, String field) {
        if (value instanceof JsonNumber number && number.isIntegral() && number.longValue() >= 0) {
            String digits = Long.toString(number.longValue());
            return digits.length() < 6 ? "0".repeat(6 - digits.length()) + digits : digits;
        }
        if (value != null && value.getValueType() == JsonValue.ValueType.STRING) {
            return ((JsonString) value).getString();
        }
        throw new InvalidInput(field, field + " must be the code from the authenticator");
    }

}
