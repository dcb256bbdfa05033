package dev.signet.web.v1;

import dev.signet.audit.AuditEvent;
import dev.signet.audit.AuditJson;
import dev.signet.audit.AuditTrail;
import dev.signet.fault.InvalidInput;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

/** {@code GET /v1/audit?since=&type=&limit=}: JSON array, or NDJSON when asked for it. */
@RequestScoped
@Path("v1/audit")
public class AuditResource {
    static final String NDJSON = "application/x-ndjson";
    private static final int DEFAULT_LIMIT = 1000;

    @EJB
    private AuditTrail trail;

    @GET
    public Response events(@QueryParam("since") String since, @QueryParam("type") String type,
                           @QueryParam("limit") String limit, @HeaderParam("Accept") String accept) {
        Instant from;
        try {
            from = since == null ? Instant.EPOCH : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("since", "since must be an ISO-8601 instant, e.g. 2026-01-01T00:00:00Z");
        }
        List<AuditEvent> events = trail.read(from, type, limit(limit));
        if (accept != null && accept.contains(NDJSON)) {
            String lines = events.stream().map(e -> AuditJson.of(e).toString() + "\n").collect(Collectors.joining());
            return Response.ok(lines, NDJSON).build();
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        events.forEach(e -> array.add(AuditJson.of(e)));
        return Response.ok(array.build().toString(), MediaType.APPLICATION_JSON).build();
    }

    /** Taken as text: a typed parameter that does not convert is a bare 404 in JAX-RS, not a 400 naming it. */
    private static int limit(String raw) {
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput("limit", "limit must be a whole number");
        }
    }
}
