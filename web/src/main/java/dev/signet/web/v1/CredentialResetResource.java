package dev.signet.web.v1;

import dev.signet.auth.ResetIntents;
import dev.signet.fault.InvalidInput;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /v1/credential/_exchange_intent {"token": "..."}}: a person redeems a reset intent
 * and gets a bearer token for a session that may only change their own credentials (set the
 * password, enrol TOTP, make backup codes).
 */
@RequestScoped
@Path("v1/credential")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CredentialResetResource {
    @EJB
    private ResetIntents resetIntents;

    @POST
    @Path("_exchange_intent")
    public JsonObject exchange(JsonObject body) {
        String token = body == null ? null : EntryJson.optionalString(body, "token");
        if (token == null) {
            throw new InvalidInput("token", "body must be {\"token\": \"...\"}");
        }
        return Json.createObjectBuilder().add("token", resetIntents.exchange(token)).build();
    }
}
