package dev.signet.web.v1;

import dev.signet.fault.InvalidInput;
import dev.signet.oauth2.ClientAttribute;
import dev.signet.oauth2.OAuth2Clients;
import dev.signet.oauth2.OAuth2Clients.ClientView;
import dev.signet.oauth2.OAuth2Clients.WithSecret;
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
import java.io.StringReader;

/**
 * {@code /v1/oauth2}: the OAuth2 client registry (Kanidm's resource servers). Confidential
 * clients are created with {@code _basic}, public ones with {@code _public}; a secret is shown
 * in the answer that makes it and never again.
 */
@RequestScoped
@Path("v1/oauth2")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OAuth2ClientResource {
    @EJB
    private OAuth2Clients clients;

    @GET
    public JsonArray list() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        clients.list().forEach(c -> array.add(json(c)));
        return array.build();
    }

    @POST
    @Path("_basic")
    public Response createConfidential(JsonObject body) {
        return create(body, true);
    }

    @POST
    @Path("_public")
    public Response createPublic(JsonObject body) {
        return create(body, false);
    }

    private Response create(JsonObject body, boolean confidential) {
        Map<String, List<String>> attrs = new LinkedHashMap<>(EntryJson.attrs(body));
        String name = single(attrs.remove(ClientAttribute.NAME), ClientAttribute.NAME);
        String displayname = single(attrs.remove(ClientAttribute.DISPLAYNAME), ClientAttribute.DISPLAYNAME);
        String landing = single(attrs.remove(ClientAttribute.LANDING), ClientAttribute.LANDING);
        List<String> redirects = attrs.remove(ClientAttribute.REDIRECT_URI);
        WithSecret created = clients.create(name, displayname, landing, redirects == null ? List.of() : redirects, confidential, attrs);
        return Response.status(Response.Status.CREATED).entity(withSecret(created)).build();
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

    /** Appends redirect URIs; other attributes have one value, so POST replaces it. */
    @POST
    @Path("{id}/_attr/{attr}")
    public JsonObject appendAttribute(@PathParam("id") String id, @PathParam("attr") String attr, JsonValue values) {
        List<String> list = EntryJson.strings(attr, values);
        return json(ClientAttribute.REDIRECT_URI.equals(attr) ? clients.addRedirectUris(id, list) : clients.replace(id, Map.of(attr, list)));
    }

    /** Without a body (and so without a Content-Type), every value goes. */
    @DELETE
    @Path("{id}/_attr/{attr}")
    @Consumes(MediaType.WILDCARD)
    public JsonObject removeAttribute(@PathParam("id") String id, @PathParam("attr") String attr, String body) {
        List<String> list = body == null || body.isBlank() ? List.of()
                : EntryJson.strings(attr, Json.createReader(new StringReader(body)).readValue());
        return json(ClientAttribute.REDIRECT_URI.equals(attr) ? clients.removeRedirectUris(id, list) : clients.replace(id, Map.of(attr, List.of())));
    }

    @POST
    @Path("{id}/_basic_secret")
    public JsonObject rotateSecret(@PathParam("id") String id) {
        return withSecret(clients.rotateSecret(id));
    }

    @POST
    @Path("{id}/_rotate_keys")
    public JsonObject rotateKeys(@PathParam("id") String id) {
        return json(clients.rotateKeys(id));
    }

    @POST
    @Path("{id}/_scopemap/{group}")
    public JsonObject mapScopes(@PathParam("id") String id, @PathParam("group") String group, JsonValue scopes) {
        return json(clients.mapScopes(id, group, false, EntryJson.strings("scopes", scopes)));
    }

    @DELETE
    @Path("{id}/_scopemap/{group}")
    public JsonObject unmapScopes(@PathParam("id") String id, @PathParam("group") String group) {
        return json(clients.unmapScopes(id, group, false));
    }

    @POST
    @Path("{id}/_sup_scopemap/{group}")
    public JsonObject mapSupplementaryScopes(@PathParam("id") String id, @PathParam("group") String group, JsonValue scopes) {
        return json(clients.mapScopes(id, group, true, EntryJson.strings("scopes", scopes)));
    }

    @DELETE
    @Path("{id}/_sup_scopemap/{group}")
    public JsonObject unmapSupplementaryScopes(@PathParam("id") String id, @PathParam("group") String group) {
        return json(clients.unmapScopes(id, group, true));
    }

    @POST
    @Path("{id}/_claimmap/{claim}/{group}")
    public JsonObject mapClaim(@PathParam("id") String id, @PathParam("claim") String claim, @PathParam("group") String group,
                               JsonValue values) {
        return json(clients.mapClaim(id, claim, group, EntryJson.strings("values", values)));
    }

    @DELETE
    @Path("{id}/_claimmap/{claim}/{group}")
    public JsonObject unmapClaim(@PathParam("id") String id, @PathParam("claim") String claim, @PathParam("group") String group) {
        return json(clients.unmapClaim(id, claim, group));
    }

    private static String single(List<String> values, String attribute) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidInput(attribute, attribute + " takes one value");
        }
        return values.get(0);
    }

    private static JsonObject withSecret(WithSecret created) {
        JsonObjectBuilder json = Json.createObjectBuilder(json(created.client()))
                .add("client_id", created.client().attrs().get(ClientAttribute.NAME).get(0));
        if (created.secret() != null) {
            json.add("client_secret", created.secret());
        }
        return json.build();
    }

    private static JsonObject json(ClientView view) {
        return EntryJson.of(view.attrs());
    }
}
