package dev.signet.web.v1;

import dev.signet.entry.Entries;
import dev.signet.entry.Lifecycle;
import dev.signet.fault.InvalidInput;
import dev.signet.model.EntryKind;
import dev.signet.schema.Schema;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The REST shape every kind of entry shares (DESIGN.md section 4): list, create, read, patch,
 * delete, per-attribute access, POSIX. Subclasses bind a path to a kind; the core does the rest.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public abstract class EntryResource {
    private static final Set<String> PAGING = Set.of("limit", "after");
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    @EJB
    Entries entries;
    @EJB
    Lifecycle lifecycle;

    protected abstract EntryKind kind();

    @GET
    public JsonArray list(@Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        Map<String, String> filter = new LinkedHashMap<>();
        query.forEach((key, values) -> {
            if (!PAGING.contains(key)) {
                filter.put(key, values.get(0));
            }
        });
        return EntryJson.of(entries.list(kind(), filter, limit(query.getFirst("limit")), query.getFirst("after")));
    }

    @POST
    public Response create(JsonObject body) {
        return Response.status(201).entity(EntryJson.of(entries.create(kind(), EntryJson.attrs(body)))).build();
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return EntryJson.of(entries.get(kind(), id));
    }

    @PATCH
    @Path("{id}")
    public JsonObject patch(@PathParam("id") String id, JsonObject body) {
        return EntryJson.of(entries.modify(kind(), id, EntryJson.attrs(body)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        lifecycle.delete(kind(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/_attr/{attr}")
    public JsonArray readAttribute(@PathParam("id") String id, @PathParam("attr") String attr) {
        return Json.createArrayBuilder(entries.readAttribute(kind(), id, attr)).build();
    }

    @PUT
    @Path("{id}/_attr/{attr}")
    public JsonObject replaceAttribute(@PathParam("id") String id, @PathParam("attr") String attr, JsonValue values) {
        return EntryJson.of(entries.setAttribute(kind(), id, attr, EntryJson.strings(attr, values)));
    }

    @POST
    @Path("{id}/_attr/{attr}")
    public JsonObject appendAttribute(@PathParam("id") String id, @PathParam("attr") String attr, JsonValue values) {
        return EntryJson.of(entries.appendAttribute(kind(), id, attr, EntryJson.strings(attr, values)));
    }

    /**
     * Removes the listed values, or every value when there is no body: a DELETE needs none, and a
     * client that sends none sends no Content-Type either, so any type is taken here.
     */
    @DELETE
    @Path("{id}/_attr/{attr}")
    @Consumes(MediaType.WILDCARD)
    public JsonObject removeAttribute(@PathParam("id") String id, @PathParam("attr") String attr,
                                      @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, String body) {
        JsonValue values = JsonValue.NULL;
        if (body != null && !body.isBlank()) {
            if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                throw new NotSupportedException("the values to remove are a JSON list (application/json)");
            }
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                values = reader.readValue();
            }
        }
        List<String> remove = values.getValueType() == JsonValue.ValueType.NULL ? null : EntryJson.strings(attr, values);
        return EntryJson.of(entries.removeAttribute(kind(), id, attr, remove));
    }

    @POST
    @Path("{id}/_unix")
    public JsonObject unix(@PathParam("id") String id, JsonObject body) {
        Long gid = null;
        if (body != null && body.containsKey(Schema.GIDNUMBER) && !body.isNull(Schema.GIDNUMBER)) {
            if (body.get(Schema.GIDNUMBER).getValueType() != JsonValue.ValueType.NUMBER) {
                throw new InvalidInput(Schema.GIDNUMBER, "gidnumber must be a number");
            }
            // 65536.5 or 1e30 is no gid (compared before anything is expanded: 1e999999999 is a valid JSON number);
            // the core checks the range of a whole number
            BigDecimal number = body.getJsonNumber(Schema.GIDNUMBER).bigDecimalValue();
            if (number.compareTo(LONG_MIN) < 0 || number.compareTo(LONG_MAX) > 0 || number.stripTrailingZeros().scale() > 0) {
                throw new InvalidInput(Schema.GIDNUMBER, "gidnumber must be a whole number, 65536 or more");
            }
            gid = number.longValueExact();
        }
        return EntryJson.of(lifecycle.makePosix(kind(), id, gid, EntryJson.optionalString(body, "shell")));
    }

    private static int limit(String raw) {
        if (raw == null) {
            return Entries.DEFAULT_PAGE;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new InvalidInput("limit", "limit must be a number");
        }
    }
}
