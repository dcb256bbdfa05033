package dev.signet.web.v1;

import dev.signet.sync.SyncAccount;
import dev.signet.sync.SyncAccounts;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/sync_account}: sync accounts (Kanidm's), their token, yield attributes, and the
 * irreversible {@code _finalise} and {@code _terminate}.
 */
@RequestScoped
@Path("v1/sync_account")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SyncAccountResource {
    @EJB
    private SyncAccounts accounts;

    @GET
    public JsonArray list() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        accounts.list().forEach(a -> array.add(json(a)));
        return array.build();
    }

    @POST
    public Response create(JsonObject body) {
        Map<String, List<String>> attrs = EntryJson.attrs(body);
        List<String> names = attrs.getOrDefault("name", List.of());
        List<String> description = attrs.getOrDefault("description", List.of());
        SyncAccount created = accounts.create(names.size() == 1 ? names.get(0) : null, description.isEmpty() ? null : description.get(0));
        return Response.status(Response.Status.CREATED).entity(json(created)).build();
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return json(accounts.get(id));
    }

    @POST
    @Path("{id}/_sync_token")
    public JsonObject issueToken(@PathParam("id") String id) {
        return Json.createObjectBuilder().add("token", accounts.issueToken(id)).build();
    }

    @DELETE
    @Path("{id}/_sync_token")
    public Response destroyToken(@PathParam("id") String id) {
        accounts.destroyToken(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/_yield_attributes")
    public JsonArray yieldAttributes(@PathParam("id") String id) {
        return Json.createArrayBuilder(List.copyOf(accounts.get(id).yieldAttributes())).build();
    }

    /** Replaces the set (POST and PUT alike: declaring it again replaces it). */
    @PUT
    @Path("{id}/_yield_attributes")
    public JsonObject replaceYield(@PathParam("id") String id, JsonValue attributes) {
        return json(accounts.yieldAttributes(id, EntryJson.strings("attributes", attributes)));
    }

    @POST
    @Path("{id}/_yield_attributes")
    public JsonObject postYield(@PathParam("id") String id, JsonValue attributes) {
        return replaceYield(id, attributes);
    }

    @POST
    @Path("{id}/_finalise")
    public JsonObject finalise(@PathParam("id") String id) {
        return Json.createObjectBuilder().add("entries", accounts.finalise(id).entries()).build();
    }

    @POST
    @Path("{id}/_terminate")
    public JsonObject terminate(@PathParam("id") String id) {
        return Json.createObjectBuilder().add("entries", accounts.terminate(id).entries()).build();
    }

    private static JsonObject json(SyncAccount account) {
        JsonObjectBuilder attrs = Json.createObjectBuilder()
                .add("uuid", Json.createArrayBuilder().add(account.uuid().toString()))
                .add("name", Json.createArrayBuilder().add(account.name()))
                .add("class", Json.createArrayBuilder().add("sync_account"))
                .add("sync_yield_authority", Json.createArrayBuilder(List.copyOf(account.yieldAttributes())))
                .add("sync_token_set", Json.createArrayBuilder().add(String.valueOf(account.tokenIssued().isPresent())))
                .add("sync_finalised", Json.createArrayBuilder().add(String.valueOf(account.finalised())));
        account.description().ifPresent(d -> attrs.add("description", Json.createArrayBuilder().add(d)));
        account.cookie().ifPresent(c -> attrs.add("sync_cookie", Json.createArrayBuilder().add(c)));
        return Json.createObjectBuilder().add("attrs", attrs).build();
    }
}
