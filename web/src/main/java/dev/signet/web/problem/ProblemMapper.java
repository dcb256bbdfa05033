package dev.signet.web.problem;

import dev.signet.fault.AccessDenied;
import dev.signet.fault.Conflict;
import dev.signet.fault.EntryNotFound;
import dev.signet.fault.InvalidInput;
import dev.signet.fault.NotAuthenticated;
import dev.signet.fault.PolicyViolation;
import dev.signet.fault.TooManyRequests;
import dev.signet.fault.SignetFault;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** The core's refusals as HTTP problems: the one place they meet status codes. */
@Provider
public class ProblemMapper implements ExceptionMapper<SignetFault> {
    @Override
    public Response toResponse(SignetFault fault) {
        JsonObject body;
        if (fault instanceof InvalidInput e) {
            body = Problem.of(400, "Bad Request", e.getMessage(), e.field());
        } else if (fault instanceof NotAuthenticated e) {
            return Response.status(401).header("WWW-Authenticate", "Bearer").type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(401, "Unauthorized", e.getMessage(), null).toString()).build();
        } else if (fault instanceof AccessDenied e) {
            body = Problem.of(403, "Forbidden", e.getMessage(), null);
        } else if (fault instanceof EntryNotFound e) {
            body = Problem.of(404, "Not Found", e.getMessage(), null);
        } else if (fault instanceof Conflict e) {
            body = Problem.of(409, "Conflict", e.getMessage(), e.field());
        } else if (fault instanceof TooManyRequests e) {
            long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
            return Response.status(429).header("Retry-After", seconds).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(429, "Too Many Requests", e.getMessage(), null).toString()).build();
        } else if (fault instanceof PolicyViolation e) {
            body = Problem.of(422, "Unprocessable Content", e.getMessage(), e.field(), e.failures());
        } else {
            body = Problem.of(400, "Bad Request", fault.getMessage(), null, List.of());
        }
        return Response.status(body.getInt("status")).type(Problem.MEDIA_TYPE).entity(body.toString()).build();
    }
}
