package dev.signet.web.v1;

import dev.signet.auth.OwnSessions;
import dev.signet.auth.SessionSummary;
import dev.signet.entry.Entries;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /v1/self}: the caller's own entry; {@code GET /v1/self/_sessions} its sessions and
 * {@code DELETE /v1/self/_sessions/{id}} to end one.
 */
@RequestScoped
@Path("v1/self")
@Produces(MediaType.APPLICATION_JSON)
public class SelfResource {
    @EJB
    private Entries entries;
    @EJB
    private OwnSessions sessions;

    @GET
    public JsonObject self() {
        return EntryJson.of(entries.self());
    }

    @GET
    @Path("_sessions")
    public JsonArray sessions() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (SessionSummary s : sessions.list()) {
            JsonObjectBuilder item = Json.createObjectBuilder().add("id", s.id().toString())
                    .add("issued", s.issued().toString()).add("expires", s.expires().toString())
                    .add("source", s.source() == null ? "unknown" : s.source());
            s.readWriteUntil().ifPresentOrElse(t -> item.add("read_write_until", t.toString()), () -> item.addNull("read_write_until"));
            list.add(item);
        }
        return list.build();
    }

    @DELETE
    @Path("_sessions/{id}")
    public Response revoke(@PathParam("id") String id) {
        sessions.revoke(EntryJson.uuid("id", id));
        return Response.noContent().build();
    }
}
