package dev.signet.web.status;

import dev.signet.status.Readiness;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /status}: {@code true} (200) when this node serves, {@code false} (503) when not. */
@RequestScoped
@Path("status")
public class StatusResource {
    @EJB
    private Readiness readiness;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response status() {
        boolean ready = readiness.databaseReachable();
        return Response.status(ready ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(Boolean.toString(ready))
                .build();
    }
}
