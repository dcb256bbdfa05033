package dev.signet.web.v1;

import dev.signet.auth.ApiTokenView;
import dev.signet.auth.ApiTokens;
import dev.signet.fault.InvalidInput;
import dev.signet.model.EntryKind;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** {@code /v1/service_account}, with its API tokens under {@code {id}/_api_token}. */
@RequestScoped
@Path("v1/service_account")
public class ServiceAccountResource extends AccountResource {
    @EJB
    ApiTokens apiTokens;

    @Override
    protected EntryKind kind() {
        return EntryKind.SERVICE_ACCOUNT;
    }

    /** Body {@code {"label": "...", "expiry"?: "2027-01-01T00:00:00Z", "read_write"?: false}}; the token is shown once. */
    @POST
    @Path("{id}/_api_token")
    public Response issueToken(@PathParam("id") String id, JsonObject body) {
        if (body == null) {
            throw new InvalidInput("label", "body must be {\"label\": \"...\", \"expiry\"?: ..., \"read_write\"?: ...}");
        }
        String expiry = EntryJson.optionalString(body, "expiry");
        Instant expiresAt;
        try {
            expiresAt = expiry == null ? null : OffsetDateTime.parse(expiry).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput("expiry", "expiry must be an ISO-8601 date and time with an offset");
        }
        JsonValue readWrite = body.get("read_write");
        if (readWrite != null && readWrite != JsonValue.TRUE && readWrite != JsonValue.FALSE) {
            throw new InvalidInput("read_write", "read_write must be true or false");
        }
        ApiTokens.Issued issued = apiTokens.issue(id, EntryJson.optionalString(body, "label"), expiresAt, readWrite == JsonValue.TRUE);
        return Response.status(Response.Status.CREATED)
                .entity(Json.createObjectBuilder().add("id", issued.id().toString()).add("token", issued.token()).build()).build();
    }

    @GET
    @Path("{id}/_api_token")
    public JsonArray tokens(@PathParam("id") String id) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (ApiTokenView token : apiTokens.list(id)) {
            JsonObjectBuilder item = Json.createObjectBuilder().add("id", token.id().toString()).add("label", token.label())
                    .add("created", token.created().toString()).add("read_write", token.readWrite());
            token.expiresAt().ifPresentOrElse(e -> item.add("expiry", e.toString()), () -> item.addNull("expiry"));
            list.add(item);
        }
        return list.build();
    }

    @DELETE
    @Path("{id}/_api_token/{token}")
    public Response revokeToken(@PathParam("id") String id, @PathParam("token") String token) {
        apiTokens.revoke(id, EntryJson.uuid("token", token));
        return Response.noContent().build();
    }
}
