package dev.signet.web.problem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** RFC 9457 problem details, Signet's error body on every REST path. */
public final class Problem {
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    public static JsonObject of(int status, String title, String detail, String field) {
        return of(status, title, detail, field, List.of());
    }

    public static JsonObject of(int status, String title, String detail, String field, List<String> failures) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            b.add("detail", detail);
        }
        if (field != null) {
            b.add("field", field);
        }
        if (!failures.isEmpty()) {
            b.add("failures", Json.createArrayBuilder(failures));
        }
        return b.build();
    }
}
