package dev.signet.web.v1;

import dev.signet.entry.Entries;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v1/self}: the caller's own entry. */
@RequestScoped
@Path("v1/self")
@Produces(MediaType.APPLICATION_JSON)
public class SelfResource {
    @EJB
    private Entries entries;

    @GET
    public JsonObject self() {
        return EntryJson.of(entries.self());
    }
}
