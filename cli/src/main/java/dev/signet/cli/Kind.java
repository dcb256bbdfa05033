package dev.signet.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** The kinds of entry the REST API keeps under one shape, each with its path and the columns its list shows. */
enum Kind {
    PERSON("person", "/v1/person", "person", true, List.of("name", "displayname", "mail", "uuid")),
    GROUP("group", "/v1/group", "group", true, List.of("name", "description", "gidnumber", "uuid")),
    SERVICE_ACCOUNT("service-account", "/v1/service_account", "service account", true, List.of("name", "displayname", "uuid")),
    OAUTH2("oauth2", "/v1/oauth2", "OAuth2 client", false, List.of("name", "displayname", "oauth2_rs_origin_landing")),
    RADIUS_CLIENT("radius-client", "/v1/radius_client", "RADIUS client", false, List.of("name", "displayname", "radius_address")),
    SYNC_ACCOUNT("sync", "/v1/sync_account", "sync account", false, List.of("name", "description", "sync_finalised"));

    final String command;
    final String path;
    final String noun;
    /** Lists are paged by name ({@code limit}, {@code after}) and filter by indexed attributes. */
    final boolean paged;
    final List<String> columns;

    Kind(String command, String path, String noun, boolean paged, List<String> columns) {
        this.command = command;
        this.path = path;
        this.noun = noun;
        this.paged = paged;
        this.columns = columns;
    }

    String of(String name) {
        return path + "/" + Action.seg(name);
    }

    /** The kind a shared subcommand acts on: the nearest enclosing command named for one. */
    static Kind of(CommandSpec spec) {
        for (CommandSpec s = spec; s != null; s = s.parent()) {
            for (Kind kind : values()) {
                if (kind.command.equals(s.name())) {
                    return kind;
                }
            }
        }
        return null;
    }
}
