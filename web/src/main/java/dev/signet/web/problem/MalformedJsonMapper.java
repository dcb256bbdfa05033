package dev.signet.web.problem;

import jakarta.json.JsonException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not JSON at all: 400 problem, not a stack trace. */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonException> {
    @Override
    public Response toResponse(JsonException e) {
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(400, "Bad Request", "request body is not valid JSON", "body").toString()).build();
    }
}
