package dev.signet.web.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else: JAX-RS's own answers (404, 405, 415...) keep their status as problems; a bug
 * becomes a 500 problem with an incident id to find it in the server log, and no internals.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Exception> {
    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Override
    public Response toResponse(Exception e) {
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return Response.status(status).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(status, web.getResponse().getStatusInfo().getReasonPhrase(), null, null).toString()).build();
        }
        if (fromJsonParser(e)) {
            // Parsson refuses over-deep nesting with a bare RuntimeException instead of a JsonException
            return Response.status(400).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(400, "Bad Request", "request body is not acceptable JSON: " + e.getMessage(), "body").toString()).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident, e);
        return Response.serverError().type(Problem.MEDIA_TYPE)
                .entity(Problem.of(500, "Internal Server Error", "incident " + incident, null).toString()).build();
    }

    private static boolean fromJsonParser(Exception e) {
        StackTraceElement[] trace = e.getStackTrace();
        return e.getClass() == RuntimeException.class && trace.length > 0 && trace[0].getClassName().startsWith("org.eclipse.parsson.");
    }
}
