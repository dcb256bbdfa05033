package dev.signet.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One line from an RFC 9457 problem document: {@code 409 conflict: name jsmith is taken}, the
 * field at fault and every failed policy rule included, so a script's log says it all.
 */
final class ProblemLine {
    private ProblemLine() {
    }

    static String of(int status, JsonObject problem, String fallbackBody) {
        StringBuilder line = new StringBuilder().append(status);
        String title = problem == null ? reason(status) : problem.getString("title", reason(status));
        line.append(' ').append(title.toLowerCase(Locale.ROOT));
        String detail = problem == null ? oneLine(fallbackBody) : problem.getString("detail", "");
        if (!detail.isEmpty()) {
            line.append(": ").append(detail);
        }
        if (problem != null && problem.containsKey("field") && problem.get("field").getValueType() == JsonValue.ValueType.STRING) {
            String field = problem.getString("field");
            if (!detail.contains(field)) {
                line.append(" (").append(field).append(')');
            }
        }
        if (problem != null && problem.containsKey("failures") && problem.get("failures").getValueType() == JsonValue.ValueType.ARRAY) {
            String failures = problem.getJsonArray("failures").stream()
                    .map(v -> v instanceof JsonString s ? s.getString() : v.toString()).collect(Collectors.joining("; "));
            if (!failures.isEmpty()) {
                line.append(": ").append(failures);
            }
        }
        return line.toString();
    }

    /** A body that is not a problem document (a proxy's page, say), cut to one short line. */
    private static String oneLine(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "HTTP error";
        };
    }
}
