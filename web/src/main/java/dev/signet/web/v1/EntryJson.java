package dev.signet.web.v1;

import dev.signet.entry.EntryView;
import dev.signet.fault.InvalidInput;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The REST shape of entries: {@code {"attrs": {"name": ["jsmith"], ...}}}, every value a list of strings. */
final class EntryJson {
    private EntryJson() {
    }

    static JsonObject of(EntryView view) {
        return of(view.attrs());
    }

    /** Any entry-shaped view (an entry, a sync account): {@code {"attrs": {...}}}. */
    static JsonObject of(Map<String, List<String>> values) {
        JsonObjectBuilder attrs = Json.createObjectBuilder();
        values.forEach((name, list) -> attrs.add(name, Json.createArrayBuilder(list)));
        return Json.createObjectBuilder().add("attrs", attrs).build();
    }

    static JsonArray of(List<EntryView> views) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        views.forEach(v -> array.add(of(v)));
        return array.build();
    }

    /** The attrs of a request body, or 400 naming what is wrong with it. */
    static Map<String, List<String>> attrs(JsonObject body) {
        if (body == null) {
            throw new InvalidInput("attrs", "request body must be {\"attrs\": {...}}");
        }
        JsonValue attrs = body.get("attrs");
        if (attrs == null || attrs.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInput("attrs", "request body must be {\"attrs\": {...}}");
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        attrs.asJsonObject().forEach((name, value) -> result.put(name, strings(name, value)));
        return result;
    }

    /** A JSON array of strings, or 400 naming {@code field}. */
    static List<String> strings(String field, JsonValue value) {
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidInput(field, field + ": values must be a list of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue v : value.asJsonArray()) {
            if (v.getValueType() != JsonValue.ValueType.STRING) {
                throw new InvalidInput(field, field + ": values must be a list of strings");
            }
            strings.add(((JsonString) v).getString());
        }
        return strings;
    }

    static String optionalString(JsonObject body, String field) {
        if (body == null || !body.containsKey(field) || body.isNull(field)) {
            return null;
        }
        JsonValue v = body.get(field);
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidInput(field, field + " must be a string");
        }
        return ((JsonString) v).getString();
    }

    /** A UUID from the path (a session, token or authenticator id), or 400 naming the parameter. */
    static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "not a valid " + field + ": " + value);
        }
    }
}
