package dev.signet.cli;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code signet audit-log export}: the audit trail from a time on, every page followed, as JSON, NDJSON or CSV. */
@Command(name = "audit-log", description = "The audit trail (system_admins).", subcommands = AuditLogCommand.Export.class)
final class AuditLogCommand {
    static final List<String> COLUMNS = List.of("id", "at", "type", "outcome", "actor", "actor_uuid", "target", "target_uuid", "source", "detail");
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    enum Format { json, ndjson, csv }

    @Command(name = "export", description = "Write the events from --since on, oldest first, to standard output.")
    static final class Export extends Action {
        @Option(names = "--since", required = true, paramLabel = "WHEN",
                description = "\"1 hour ago\", \"2 days ago\", yesterday, 2026-12-01 or 2026-12-01T08:00:00Z")
        String since;

        @Option(names = "--type", paramLabel = "TYPE", description = "only events of this type, e.g. auth.failure or entry.create")
        String type;

        @Option(names = "--format", defaultValue = "json", paramLabel = "json|ndjson|csv", description = "json (one array, the default), ndjson or csv")
        Format format;

        @Override
        void run() {
            Instant from = TimeSpec.parse(since, Clock.systemDefaultZone());
            String path = "/v1/audit?since=" + seg(from.toString()) + (type == null ? "" : "&type=" + seg(type)) + "&limit=1000";
            boolean lines = format == Format.ndjson;
            JsonArrayBuilder all = Json.createArrayBuilder();
            if (format == Format.csv) {
                out().print(Csv.row(COLUMNS));
            }
            while (path != null) {
                Server.Answer page = api().call("GET", path, null, Map.of("Accept", lines ? "application/x-ndjson" : "application/json"));
                if (lines) {
                    out().print(page.body());
                } else {
                    for (JsonValue event : RestJson.array(page.json())) {
                        if (format == Format.csv) {
                            out().print(Csv.row(COLUMNS.stream().map(c -> RestJson.string(event, c)).toList()));
                        } else {
                            all.add(event);
                        }
                    }
                }
                path = next(page.header("Link"));
            }
            if (format == Format.json) {
                out().println(all.build());
            }
            out().flush();
        }
    }

    /** The path and query of a {@code Link: <...>; rel="next"} header, or null at the last page. */
    static String next(String link) {
        if (link == null) {
            return null;
        }
        Matcher next = NEXT.matcher(link);
        if (!next.find()) {
            return null;
        }
        URI uri = URI.create(next.group(1));
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
