package dev.signet.audit;

import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The JSON form of an audit event, for the log line and the REST audit feed alike. */
public final class AuditJson {
    /** Looked up once: Json.createXxx() finds the provider through a ServiceLoader scan at every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private AuditJson() {
    }

    public static JsonObject of(AuditRecord e) {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("at", e.at().toString())
                .add("type", e.type())
                .add("outcome", e.outcome());
        add(b, "actor_uuid", e.actorUuid());
        add(b, "actor", e.actorName());
        add(b, "target_uuid", e.targetUuid());
        add(b, "target", e.targetName());
        add(b, "source", e.source());
        add(b, "detail", e.detail());
        if (e.id() != null) {
            b.add("id", e.id());
        }
        return b.build();
    }

    static String line(AuditEvent e) {
        return of(AuditRecord.of(e)).toString();
    }

    private static void add(JsonObjectBuilder b, String key, Object value) {
        if (value != null) {
            b.add(key, value.toString());
        }
    }
}
