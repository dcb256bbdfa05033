package dev.signet.cli;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The few JSON shapes the REST API speaks: {@code {"attrs": {name: [values]}}}, lists of strings, one entry's values. */
final class RestJson {
    private RestJson() {
    }

    static String attrs(Map<String, ? extends Collection<String>> attrs) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        attrs.forEach((name, values) -> builder.add(name, Json.createArrayBuilder(List.copyOf(values))));
        return Json.createObjectBuilder().add("attrs", builder).build().toString();
    }

    static String list(Collection<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array.build().toString();
    }

    static String object(String... pairs) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            builder.add(pairs[i], pairs[i + 1]);
        }
        return builder.build().toString();
    }

    /** The values of one attribute of an entry body (empty when it has none). */
    static List<String> values(JsonValue entry, String attribute) {
        if (!(entry instanceof JsonObject object) || !(object.get("attrs") instanceof JsonObject attrs)) {
            return List.of();
        }
        return strings(attrs.get(attribute));
    }

    static String first(JsonValue entry, String attribute) {
        List<String> values = values(entry, attribute);
        return values.isEmpty() ? "" : values.get(0);
    }

    static List<String> strings(JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            return List.of();
        }
        return array.stream().map(v -> v instanceof JsonString s ? s.getString() : v.toString()).toList();
    }

    static String string(JsonValue object, String key) {
        if (object instanceof JsonObject o && o.get(key) != null && o.get(key).getValueType() != JsonValue.ValueType.NULL) {
            JsonValue value = o.get(key);
            return value instanceof JsonString s ? s.getString() : value.toString();
        }
        return "";
    }

    /** An entry as {@code attr: value} lines, one per value, in the server's order. */
    static String entryLines(JsonValue entry) {
        StringBuilder out = new StringBuilder();
        if (entry instanceof JsonObject object && object.get("attrs") instanceof JsonObject attrs) {
            attrs.forEach((name, values) -> strings(values).forEach(v -> out.append(name).append(": ").append(v).append('\n')));
        }
        return out.toString();
    }

    static JsonArray array(JsonValue value) {
        return value instanceof JsonArray array ? array : JsonValue.EMPTY_JSON_ARRAY;
    }
}
