package dev.signet.web.v1;

import dev.signet.audit.AuditJson;
import dev.signet.audit.AuditRecord;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

/** {@code GET /v1/audit?since=&type=&limit=&after=}: JSON array, or NDJSON when asked for it; paged with a next link. */
@RequestScoped
@Path("v1/audit")
public class AuditResource {
    static final String NDJSON = "application/x-ndjson";
    static final int DEFAULT_PAGE = 1000;

    @EJB
    private AuditTrail trail;

    /**
     * A page of at most {@code limit} events (default 1000), oldest first from {@code since};
     * a full page carries {@code Link: <...&after=ID>; rel="next"}, the same query from the
     * page's last event on.
     */
    @GET
    public Response events(@QueryParam("since") String since, @QueryParam("type") String type,
                           @QueryParam("limit") String limit, @QueryParam("after") String after,
                           @HeaderParam("Accept") String accept, @Context UriInfo uri) {
        Instant from;
        try {
            from = since == null ? Instant.EPOCH : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("since", "since must be an ISO-8601 instant, e.g. 2026-01-01T00:00:00Z");
        }
        int size = limit(limit);
        List<AuditRecord> events = trail.read(from, type, size, cursor(after));
        Response.ResponseBuilder response;
        if (accept != null && accept.contains(NDJSON)) {
            String lines = events.stream().map(e -> AuditJson.of(e).toString() + "\n").collect(Collectors.joining());
            response = Response.ok(lines, NDJSON);
        } else {
            JsonArrayBuilder array = Json.createArrayBuilder();
            events.forEach(e -> array.add(AuditJson.of(e)));
            response = Response.ok(array.build().toString(), MediaType.APPLICATION_JSON);
        }
        if (events.size() == size) {
            URI next = uri.getRequestUriBuilder().replaceQueryParam("after", events.get(events.size() - 1).id()).build();
            response.link(next, "next");
        }
        return response.build();
    }

    // a String, not a Long: JAX-RS answers 404 to a query parameter it cannot convert
    private static Long cursor(String after) {
        if (after == null) {
            return null;
        }
        try {
            return Long.valueOf(after.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput("after", "after must be the id of an event a previous page returned");
        }
    }

    /** Taken as text: a typed parameter that does not convert is a bare 404 in JAX-RS, not a 400 naming it. */
    private static int limit(String raw) {
        if (raw == null) {
            return DEFAULT_PAGE;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput("limit", "limit must be a whole number");
        }
    }
}
