package dev.signet.web.v1;

import dev.signet.fault.InvalidInput;
import dev.signet.radius.RadiusClientAttribute;
import dev.signet.radius.RadiusClients;
import dev.signet.radius.RadiusClients.ClientView;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/radius_client}: the network devices that ask Signet about logins over RADIUS. The
 * shared secret is made by {@code _generate_secret} and shown in that answer only.
 */
@RequestScoped
@Path("v1/radius_client")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RadiusClientResource {
    @EJB
    private RadiusClients clients;

    @GET
    public JsonArray list() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        clients.list().forEach(c -> array.add(json(c)));
        return array.build();
    }

    @POST
    public Response create(JsonObject body) {
        Map<String, List<String>> attrs = new LinkedHashMap<>(EntryJson.attrs(body));
        List<String> names = attrs.remove(RadiusClientAttribute.NAME);
        if (names == null || names.size() != 1) {
            throw new InvalidInput(RadiusClientAttribute.NAME, "a RADIUS client needs one name");
        }
        return Response.status(Response.Status.CREATED).entity(json(clients.create(names.get(0), attrs))).build();
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return json(clients.get(id));
    }

    @PATCH
    @Path("{id}")
    public JsonObject patch(@PathParam("id") String id, JsonObject body) {
        return json(clients.replace(id, EntryJson.attrs(body)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        clients.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/_attr/{attr}")
    public JsonArray attribute(@PathParam("id") String id, @PathParam("attr") String attr) {
        return Json.createArrayBuilder(clients.get(id).attrs().getOrDefault(attr, List.of())).build();
    }

    @PUT
    @Path("{id}/_attr/{attr}")
    public JsonObject replaceAttribute(@PathParam("id") String id, @PathParam("attr") String attr, JsonValue values) {
        return json(clients.replace(id, Map.of(attr, EntryJson.strings(attr, values))));
    }

    /** Appends addresses or groups; single-valued attributes are replaced. */
    @POST
    @Path("{id}/_attr/{attr}")
    public JsonObject appendAttribute(@PathParam("id") String id, @PathParam("attr") String attr, JsonValue values) {
        return json(clients.append(id, attr, EntryJson.strings(attr, values)));
    }

    /** Without a body (and so without a Content-Type), every value goes. */
    @DELETE
    @Path("{id}/_attr/{attr}")
    @Consumes(MediaType.WILDCARD)
    public JsonObject removeAttribute(@PathParam("id") String id, @PathParam("attr") String attr, String body) {
        List<String> list = body == null || body.isBlank() ? List.of()
                : EntryJson.strings(attr, Json.createReader(new java.io.StringReader(body)).readValue());
        return json(clients.remove(id, attr, list));
    }

    @POST
    @Path("{id}/_generate_secret")
    public JsonObject generateSecret(@PathParam("id") String id) {
        return Json.createObjectBuilder().add("secret", clients.generateSecret(id)).build();
    }

    private static JsonObject json(ClientView view) {
        JsonObjectBuilder attrs = Json.createObjectBuilder();
        view.attrs().forEach((name, values) -> attrs.add(name, Json.createArrayBuilder(values)));
        return Json.createObjectBuilder().add("attrs", attrs).build();
    }
}
