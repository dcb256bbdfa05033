package dev.signet.web.sync;

import dev.signet.fault.InvalidInput;
import dev.signet.fault.NotAuthenticated;
import dev.signet.model.EntryKind;
import dev.signet.sync.ScimSync;
import dev.signet.sync.SyncChangeSet;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /scim/v1/Sync}, Kanidm's sync push for external sync tools: {@code from_state} ("Refresh"
 * or {@code {"Active": {"cookie"}}}), {@code to_state}, {@code entries} (each with {@code schemas},
 * {@code id}, {@code external_id} and Signet's {@code attrs}), {@code retain} ("Ignore" or
 * "Delete") and {@code delete_uuids}. Authenticated by the sync account's token.
 */
@RequestScoped
@Path("scim/v1/Sync")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScimSyncResource {
    private static final String SCHEMA_PREFIX = "urn:ietf:params:scim:schemas:kanidm:sync:1:";

    @EJB
    private ScimSync sync;

    @GET
    public JsonObject state(@HeaderParam("Authorization") String authorization) {
        return Json.createObjectBuilder().add("state", sync.state(token(authorization))
                .<JsonValue>map(c -> Json.createObjectBuilder().add("Active", Json.createObjectBuilder().add("cookie", c)).build())
                .orElse(Json.createValue("Refresh"))).build();
    }

    @POST
    public JsonObject push(@HeaderParam("Authorization") String authorization, JsonObject body) {
        String token = token(authorization);
        if (body == null) {
            throw new InvalidInput("body", "a sync request is required");
        }
        String from = cookie(body.get("from_state"), "from_state", true);
        String to = cookie(body.get("to_state"), "to_state", false);
        List<SyncChangeSet.Item> items = new ArrayList<>();
        JsonValue entries = body.get("entries");
        if (entries != null && entries.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue value : entries.asJsonArray()) {
                items.add(item(value));
            }
        } else if (entries != null) {
            throw new InvalidInput("entries", "entries must be a list");
        }
        Set<UUID> deletes = new LinkedHashSet<>();
        JsonValue deleteUuids = body.get("delete_uuids");
        if (deleteUuids != null && deleteUuids.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue id : deleteUuids.asJsonArray()) {
                deletes.add(uuid(id, "delete_uuids"));
            }
        }
        JsonValue retain = body.get("retain");
        if (retain != null && !(retain instanceof JsonString)) {
            throw new InvalidInput("retain", "retain must be \"Ignore\" or \"Delete\"");
        }
        boolean deleteMissing = SyncChangeSet.deletesMissing(retain == null ? null : ((JsonString) retain).getString());
        SyncChangeSet.Applied applied = sync.apply(token, new SyncChangeSet(from, to, items, deletes, deleteMissing));
        return Json.createObjectBuilder().add("created", applied.created()).add("updated", applied.updated()).add("unchanged", applied.unchanged())
                .add("deleted", applied.deleted()).add("cookie", applied.cookie()).build();
    }

    private static SyncChangeSet.Item item(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInput("entries", "each entry must be an object");
        }
        JsonObject entry = value.asJsonObject();
        EntryKind kind = null;
        JsonValue schemas = entry.get("schemas");
        if (schemas != null && schemas.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue schema : schemas.asJsonArray()) {
                if (schema instanceof JsonString s && s.getString().startsWith(SCHEMA_PREFIX)) {
                    String suffix = s.getString().substring(SCHEMA_PREFIX.length());
                    for (EntryKind k : EntryKind.values()) {
                        if (k.restName().equals(suffix)) {
                            kind = k;
                        }
                    }
                }
            }
        }
        if (kind == null) {
            throw new InvalidInput("schemas", "each entry needs a schema " + SCHEMA_PREFIX + "person, group or service_account");
        }
        JsonValue externalId = entry.get("external_id");
        if (!(externalId instanceof JsonString ext) || ext.getString().isBlank() || ext.getString().length() > 1024) {
            throw new InvalidInput("external_id", "each entry needs its external_id");
        }
        JsonValue attrs = entry.get("attrs");
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (attrs != null && attrs.getValueType() == JsonValue.ValueType.OBJECT) {
            attrs.asJsonObject().forEach((name, list) -> values.put(name, strings(name, list)));
        } else {
            throw new InvalidInput("attrs", "each entry needs attrs");
        }
        return new SyncChangeSet.Item(kind, uuid(entry.get("id"), "id"), ext.getString(), values);
    }

    private static List<String> strings(String field, JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidInput(field, field + ": values must be a list of strings");
        }
        List<String> list = new ArrayList<>();
        for (JsonValue v : value.asJsonArray()) {
            if (!(v instanceof JsonString s)) {
                throw new InvalidInput(field, field + ": values must be a list of strings");
            }
            list.add(s.getString());
        }
        return list;
    }

    private static UUID uuid(JsonValue value, String field) {
        try {
            return UUID.fromString(((JsonString) value).getString());
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new InvalidInput(field, field + " must be a UUID");
        }
    }

    /** The cookie of {@code {"Active": {"cookie": "..."}}}; null for "Refresh" where allowed. */
    private static String cookie(JsonValue state, String field, boolean refreshAllowed) {
        if (refreshAllowed && state instanceof JsonString s && s.getString().equals("Refresh")) {
            return null;
        }
        if (state != null && state.getValueType() == JsonValue.ValueType.OBJECT) {
            JsonValue active = state.asJsonObject().get("Active");
            if (active != null && active.getValueType() == JsonValue.ValueType.OBJECT
                    && active.asJsonObject().get("cookie") instanceof JsonString c && !c.getString().isEmpty()
                    && c.getString().length() <= 4096) {
                return c.getString();
            }
        }
        throw new InvalidInput(field, field + " must be " + (refreshAllowed ? "\"Refresh\" or " : "") + "{\"Active\": {\"cookie\": \"...\"}}");
    }

    private static String token(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new NotAuthenticated("the sync token is required as a bearer token");
        }
        return authorization.substring(7).trim();
    }
}
