package dev.signet.web.v1;

import dev.signet.entry.Lifecycle;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /v1/recycle_bin}: deleted entries, revivable until purged. */
@RequestScoped
@Path("v1/recycle_bin")
@Produces(MediaType.APPLICATION_JSON)
public class RecycleBinResource {
    @EJB
    private Lifecycle lifecycle;

    @GET
    public JsonArray list() {
        return EntryJson.of(lifecycle.recycleBin());
    }

    @POST
    @Path("{id}/_revive")
    public JsonObject revive(@PathParam("id") String id) {
        return EntryJson.of(lifecycle.revive(id));
    }

    /** Purges a recycled entry now, with everything that names it; 204. */
    @DELETE
    @Path("{id}")
    public void purge(@PathParam("id") String id) {
        lifecycle.purge(id);
    }
}
