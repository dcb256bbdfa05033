package dev.signet.web.oauth2;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The one place where a JAX-RS request becomes a Nimbus {@link HTTPRequest} (so Nimbus parses
 * every OAuth2 message) and a Nimbus {@link HTTPResponse} becomes the JAX-RS answer.
 */
final class OAuth2Exchange {
    /** Form bodies larger than this are not OAuth2 messages. */
    static final int MAX_BODY = 64 * 1024;

    private OAuth2Exchange() {
    }

    static HTTPRequest post(UriInfo uri, HttpHeaders headers, String body) {
        HTTPRequest request = request(HTTPRequest.Method.POST, uri, headers);
        request.setBody(body == null ? "" : body);
        return request;
    }

    static HTTPRequest request(HTTPRequest.Method method, UriInfo uri, HttpHeaders headers) {
        try {
            HTTPRequest request = new HTTPRequest(method, uri.getRequestUri().toURL());
            for (Map.Entry<String, List<String>> header : headers.getRequestHeaders().entrySet()) {
                if (!header.getValue().isEmpty()) {
                    request.setHeader(header.getKey(), header.getValue().toArray(String[]::new));
                }
            }
            return request;
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Nimbus's answer as it is, never cached (RFC 6749 section 5.1). */
    static Response response(HTTPResponse answer) {
        Response.ResponseBuilder response = Response.status(answer.getStatusCode());
        for (Map.Entry<String, List<String>> header : answer.getHeaderMap().entrySet()) {
            for (String value : header.getValue()) {
                response.header(header.getKey(), value);
            }
        }
        if (answer.getBody() != null) {
            response.entity(answer.getBody());
        }
        return response.header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    /** scheme://host:port of the request, the default origin of issuers. */
    static String origin(UriInfo uri) {
        URI base = uri.getBaseUri();
        return base.getScheme() + "://" + base.getRawAuthority();
    }
}
