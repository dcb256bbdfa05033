package dev.signet.sync;

import dev.signet.fault.InvalidInput;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of an {@link LdapSource}: {@code {"url", "bind_dn", "base_dn", "person_filter"?,
 * "group_filter"?, "ca_pem"?, "exclude"?, "remap"?, "attribute_map"?}}, as REST carries it and
 * the sync account's column keeps it. The source itself knows no JSON; the REST resource parses a
 * body with this and hands the sync service the typed source, which checks each field. A field
 * of the wrong JSON type is a 400 naming it.
 */
public final class LdapSourceJson {
    private LdapSourceJson() {
    }

    public static LdapSource parse(JsonObject json) {
        List<String> exclude = new ArrayList<>();
        if (json.get("exclude") instanceof JsonArray list) {
            list.forEach(v -> exclude.add(string(v, "exclude")));
        }
        Map<String, String> remap = new LinkedHashMap<>();
        if (json.get("remap") instanceof JsonObject map) {
            map.forEach((from, to) -> remap.put(from, string(to, "remap")));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (json.get("attribute_map") instanceof JsonObject map) {
            map.forEach((key, name) -> attributes.put(key, string(name, "attribute_map")));
        }
        return new LdapSource(optional(json, "url"), optional(json, "bind_dn"), optional(json, "base_dn"), optional(json, "person_filter"),
                optional(json, "group_filter"), optional(json, "ca_pem"), exclude, remap, new LdapAttributeMap(attributes));
    }

    public static JsonObject of(LdapSource source) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("url", source.url()).add("bind_dn", source.bindDn())
                .add("base_dn", source.baseDn()).add("person_filter", source.personFilter()).add("group_filter", source.groupFilter());
        if (source.caPem() != null) {
            json.add("ca_pem", source.caPem());
        }
        JsonArrayBuilder excluded = Json.createArrayBuilder();
        source.exclude().forEach(excluded::add);
        JsonObjectBuilder remapped = Json.createObjectBuilder();
        source.remap().forEach(remapped::add);
        JsonObjectBuilder attributes = Json.createObjectBuilder();
        source.attributeMap().mapped().forEach(attributes::add);
        return json.add("exclude", excluded).add("remap", remapped).add("attribute_map", attributes).build();
    }

    /** The stored column's text. */
    static String text(LdapSource source) {
        return of(source).toString();
    }

    static LdapSource parse(String text) {
        return parse(Json.createReader(new StringReader(text)).readObject());
    }

    private static String optional(JsonObject json, String key) {
        JsonValue value = json.get(key);
        return value == null || value == JsonValue.NULL ? null : string(value, key);
    }

    private static String string(JsonValue value, String field) {
        if (!(value instanceof JsonString s)) {
            throw new InvalidInput(field, field + " must be a string");
        }
        return s.getString();
    }
}
