package dev.signet.web.status;

import dev.signet.status.Readiness;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** {@code /health/live} and {@code /health/ready}, MicroProfile Health style (503 when DOWN). */
@RequestScoped
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    @EJB
    private Readiness readiness;

    /** Live: the application is deployed and answering. */
    @GET
    @Path("live")
    public Response live() {
        return respond(new HealthReport(Map.of("signet-deployment", true)));
    }

    /** Ready: live, and the database answers; the same condition as {@code /status}. */
    @GET
    @Path("ready")
    public Response ready() {
        return respond(new HealthReport(Map.of("signet-deployment", true, "signet-database", readiness.databaseReachable())));
    }

    private static Response respond(HealthReport report) {
        return Response.status(report.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(report.toJson())
                .build();
    }
}
