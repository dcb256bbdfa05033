package dev.signet.web.v1;

import dev.signet.auth.ResetIntents;
import dev.signet.credential.RadiusSecrets;
import dev.signet.fault.InvalidInput;
import dev.signet.model.EntryKind;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** {@code /v1/person}, with credential reset intents under {@code {id}/_credential/_update_intent}. */
@RequestScoped
@Path("v1/person")
public class PersonResource extends AccountResource {
    @EJB
    ResetIntents resetIntents;
    @EJB
    RadiusSecrets radiusSecrets;

    @Override
    protected EntryKind kind() {
        return EntryKind.PERSON;
    }

    /** Body {@code {"ttl"?: seconds}} (300 to 86400, default 3600); the token is shown once. */
    @POST
    @Path("{id}/_credential/_update_intent")
    public Response createResetIntent(@PathParam("id") String id, JsonObject body) {
        JsonValue ttl = body == null ? null : body.get("ttl");
        if (ttl != null && !(ttl instanceof JsonNumber number && number.isIntegral())) {
            throw new InvalidInput("ttl", "ttl must be a number of seconds");
        }
        ResetIntents.Created created = resetIntents.create(id, ttl == null ? null : ((JsonNumber) ttl).longValue());
        return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder()
                .add("token", created.token()).add("expires", created.expires().toString()).build()).build();
    }

    /** A new RADIUS secret (Kanidm's {@code person radius generate-secret}), answered once here and readable with GET. */
    @POST
    @Path("{id}/_radius")
    public JsonObject generateRadiusSecret(@PathParam("id") String id) {
        return Json.createObjectBuilder().add("secret", radiusSecrets.generate(id)).build();
    }

    @GET
    @Path("{id}/_radius")
    public JsonObject radiusSecret(@PathParam("id") String id) {
        return Json.createObjectBuilder().add("secret", radiusSecrets.read(id)).build();
    }

    @DELETE
    @Path("{id}/_radius")
    public Response deleteRadiusSecret(@PathParam("id") String id) {
        radiusSecrets.delete(id);
        return Response.noContent().build();
    }
}
