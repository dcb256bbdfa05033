package dev.signet.web.security;

import dev.signet.web.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What every REST request must be before a resource sees it, each refusal a problem naming what
 * is wrong: at most {@link #MAX_QUERY_PARAMETERS} query parameters (400), a body of at most
 * {@link #MAX_BODY_BYTES} (413, where the listener would drop the connection), and a JSON body
 * that is UTF-8 without lone surrogates (400: the JSON reader would turn either into {@code ?} or
 * U+FFFD and store that).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestLimits implements ContainerRequestFilter {
    /**
     * Undertow's own default; the listener is configured to parse more (signet.cli) so that a
     * request over this gets this problem instead of a bare 400 from the HTTP parser.
     */
    static final int MAX_QUERY_PARAMETERS = 1000;
    /**
     * Far above any entry or SCIM change set a client sends in one request. The HTTPS listener takes
     * more (max-post-size 32 MiB in signet.cli), so this limit is met here with a 413, not by the
     * listener cutting the request off.
     */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        int parameters = request.getUriInfo().getQueryParameters(false).values().stream().mapToInt(List::size).sum();
        if (parameters > MAX_QUERY_PARAMETERS) {
            abort(request, 400, "Bad Request", "at most " + MAX_QUERY_PARAMETERS + " query parameters, got " + parameters, "query");
            return;
        }
        if (request.getLength() > MAX_BODY_BYTES) {
            abort(request, 413, "Content Too Large", "the request body is over " + MAX_BODY_BYTES + " bytes", "body");
            return;
        }
        if (!request.hasEntity() || !json(request.getMediaType())) {
            return;
        }
        byte[] body;
        try {
            body = readAtMost(request.getEntityStream(), MAX_BODY_BYTES);
        } catch (IOException e) {
            // the listener's own limit, met by a body without a Content-Length, or the client gone
            abort(request, 413, "Content Too Large", "the request body is over " + MAX_BODY_BYTES + " bytes", "body");
            return;
        }
        if (body == null) {
            abort(request, 413, "Content Too Large", "the request body is over " + MAX_BODY_BYTES + " bytes", "body");
            return;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            abort(request, 400, "Bad Request", "the request body is not valid UTF-8", "body");
            return;
        }
        int lone = loneSurrogateAt(text);
        if (lone >= 0) {
            abort(request, 400, "Bad Request", "the request body has a lone surrogate escape (" + text.substring(lone, lone + 6)
                    + ") in a string: it is no character", "body");
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private static boolean json(MediaType type) {
        return type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    }

    /** The body, or null when it is longer than {@code max}. */
    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (out.size() + n > max) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * Where a {@code \\uD800}-{@code \\uDFFF} escape stands without its pair in JSON text, or -1.
     * Backslashes occur only inside strings in valid JSON, so the text is walked escape by escape;
     * malformed escapes are left to the JSON reader. (Raw surrogates cannot occur: strict UTF-8
     * decoding refuses them.)
     */
    static int loneSurrogateAt(String json) {
        for (int i = json.indexOf('\\'); i >= 0 && i + 1 < json.length(); i = json.indexOf('\\', i)) {
            if (json.charAt(i + 1) != 'u') {
                i += 2;
                continue;
            }
            int unit = hex(json, i + 2);
            if (unit < 0) {
                return -1;
            }
            if (Character.isHighSurrogate((char) unit)) {
                int next = json.startsWith("\\u", i + 6) ? hex(json, i + 8) : -1;
                if (next < 0 || !Character.isLowSurrogate((char) next)) {
                    return i;
                }
                i += 12;
            } else if (Character.isLowSurrogate((char) unit)) {
                return i;
            } else {
                i += 6;
            }
        }
        return -1;
    }

    private static int hex(String s, int from) {
        if (from + 4 > s.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + 4; i++) {
            int digit = Character.digit(s.charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static void abort(ContainerRequestContext request, int status, String title, String detail, String field) {
        request.abortWith(Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, title, detail, field).toString()).build());
    }
}
