package dev.signet.cli;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import java.time.Clock;
import java.time.ZoneOffset;

/** {@code signet service-account ...}: accounts for programs, and their API tokens, as Kanidm's. */
@Command(name = "service-account", description = "Service accounts: create, read, change, delete; API tokens, POSIX, SSH keys, lock, validity.",
        subcommands = {ServiceAccountCommand.Create.class, EntryCommands.Get.class, EntryCommands.ListEntries.class,
                ServiceAccountCommand.Update.class, EntryCommands.Delete.class, ServiceAccountCommand.ApiToken.class,
                EntryCommands.Posix.class, EntryCommands.Ssh.class, AccountCommand.class, EntryCommands.Validity.class,
                ServiceAccountCommand.Credential.class})
final class ServiceAccountCommand {
    @Command(name = "create", description = "Create a service account.")
    static final class Create extends Action {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "DISPLAYNAME")
        String displayname;

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Override
        void run() {
            Map<String, List<String>> attrs = new LinkedHashMap<>();
            attrs.put("name", List.of(name));
            attrs.put("displayname", List.of(displayname));
            if (description != null) {
                attrs.put("description", List.of(description));
            }
            Server.Answer answer = api().call("POST", Kind.SERVICE_ACCOUNT.path, RestJson.attrs(attrs));
            done(answer, "created service account " + name + " (" + RestJson.first(answer.json(), "uuid") + ")");
        }
    }

    @Command(name = "update", description = "Change a service account's names or description.")
    static final class Update extends Action {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = {"-n", "--newname"}, paramLabel = "NAME")
        String newName;

        @Option(names = {"-i", "--displayname"}, paramLabel = "TEXT")
        String displayname;

        @Option(names = {"-e", "--description"}, paramLabel = "TEXT")
        String description;

        @Override
        void run() {
            Map<String, List<String>> attrs = new LinkedHashMap<>();
            attrs.put("name", PersonCommand.one(newName));
            attrs.put("displayname", PersonCommand.one(displayname));
            attrs.put("description", PersonCommand.one(description));
            Server.Answer answer = EntryCommands.patch(api(), Kind.SERVICE_ACCOUNT.of(name), attrs);
            show(answer, () -> print(RestJson.entryLines(answer.json())));
        }
    }

    @Command(name = "credential", description = "The service account's password.",
            subcommands = {EntryCommands.SetPassword.class, EntryCommands.ResetLockout.class})
    static final class Credential {
    }

    @Command(name = "api-token", description = "Bearer tokens with the account's rights (read-only unless --rw).",
            subcommands = {Generate.class, Status.class, Destroy.class})
    static final class ApiToken {
    }

    @Command(name = "generate", aliases = "create", description = "Issue an API token and show it (once).")
    static final class Generate extends Action {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "LABEL")
        String label;

        @Parameters(index = "2", arity = "0..1", paramLabel = "EXPIRY", description = "when it expires (RFC 3339 or a date, e.g. 2027-01-01); Kanidm's place for it")
        String expiryPositional;

        @Option(names = "--expiry", paramLabel = "WHEN", description = "when it expires: RFC 3339 (2027-01-01T00:00:00Z) or a date (2027-01-01)")
        String expiry;

        @Option(names = {"-w", "--rw", "--readwrite"}, description = "the token may change things (default: read-only)")
        boolean readWrite;

        @Override
        void run() {
            var body = Json.createObjectBuilder().add("label", label).add("read_write", readWrite);
            String when = expiry != null ? expiry : expiryPositional;
            if (when != null) {
                body.add("expiry", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        TimeSpec.parse(when, Clock.systemDefaultZone()).atOffset(ZoneOffset.UTC)));
            }
            Server.Answer answer = api().call("POST", Kind.SERVICE_ACCOUNT.of(name) + "/_api_token", body.build().toString());
            show(answer, () -> {
                prompter().say("API token " + RestJson.string(answer.json(), "id") + " for " + name + " (" + (readWrite ? "read-write" : "read-only")
                        + "), shown once:");
                out().println(RestJson.string(answer.json(), "token"));
            });
        }
    }

    @Command(name = "status", description = "List the account's API tokens (never the tokens themselves).")
    static final class Status extends Action {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        void run() {
            Server.Answer answer = api().call("GET", Kind.SERVICE_ACCOUNT.of(name) + "/_api_token", null);
            show(answer, () -> {
                Table table = new Table("id", "label", "created", "expiry", "read_write");
                for (JsonValue t : RestJson.array(answer.json())) {
                    table.row(RestJson.string(t, "id"), RestJson.string(t, "label"), RestJson.string(t, "created"),
                            RestJson.string(t, "expiry").isEmpty() ? "never" : RestJson.string(t, "expiry"), RestJson.string(t, "read_write"));
                }
                print(table.toString());
            });
        }
    }

    @Command(name = "destroy", description = "Revoke an API token.")
    static final class Destroy extends Action {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "TOKEN_ID")
        String tokenId;

        @Override
        void run() {
            done(api().call("DELETE", Kind.SERVICE_ACCOUNT.of(name) + "/_api_token/" + seg(tokenId), null), "API token " + tokenId + " revoked");
        }
    }
}
