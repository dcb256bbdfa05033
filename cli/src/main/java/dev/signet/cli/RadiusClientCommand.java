package dev.signet.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code signet radius-client ...}: the network devices that may ask Signet's RADIUS server ({@code /v1/radius_client}). */
@Command(name = "radius-client", description = "RADIUS clients (network devices): address, shared secret, allowed groups.",
        subcommands = {RadiusClientCommand.Create.class, EntryCommands.Get.class, EntryCommands.ListEntries.class, EntryCommands.Delete.class,
                RadiusClientCommand.GenerateSecret.class, RadiusClientCommand.AddGroup.class, RadiusClientCommand.RemoveGroup.class})
final class RadiusClientCommand {
    static final String ADDRESS = "radius_address";
    static final String GROUP = "radius_group";

    @Command(name = "create", description = "Register a RADIUS client.")
    static final class Create extends Action {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--address", required = true, paramLabel = "IP|CIDR", description = "where its requests come from; repeatable")
        List<String> addresses;

        @Option(names = "--displayname", paramLabel = "TEXT")
        String displayname;

        @Override
        void run() {
            Map<String, List<String>> attrs = new LinkedHashMap<>();
            attrs.put("name", List.of(name));
            if (displayname != null) {
                attrs.put("displayname", List.of(displayname));
            }
            attrs.put(ADDRESS, addresses);
            done(api().call("POST", Kind.RADIUS_CLIENT.path, RestJson.attrs(attrs)), "created RADIUS client " + name
                    + " (signet radius-client generate-secret " + name + " makes its shared secret)");
        }
    }

    @Command(name = "generate-secret", description = "Make a new shared secret (the old one stops working) and show it once.")
    static final class GenerateSecret extends Action {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        void run() {
            Server.Answer answer = api().call("POST", Kind.RADIUS_CLIENT.of(name) + "/_generate_secret", null);
            show(answer, () -> {
                prompter().say("shared secret of " + name + ", shown once:");
                out().println(RestJson.string(answer.json(), "secret"));
            });
        }
    }

    @Command(name = "add-group", description = "Let the group's members authenticate through this client.")
    static final class AddGroup extends Action {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "GROUP")
        List<String> groups;

        @Override
        void run() {
            done(api().call("POST", Kind.RADIUS_CLIENT.of(name) + "/_attr/" + GROUP, RestJson.list(groups)),
                    name + " admits " + String.join(", ", groups));
        }
    }

    @Command(name = "remove-group", description = "No longer admit the group's members through this client.")
    static final class RemoveGroup extends Action {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "GROUP")
        List<String> groups;

        @Override
        void run() {
            done(api().call("DELETE", Kind.RADIUS_CLIENT.of(name) + "/_attr/" + GROUP, RestJson.list(groups)),
                    name + " no longer admits " + String.join(", ", groups));
        }
    }
}
