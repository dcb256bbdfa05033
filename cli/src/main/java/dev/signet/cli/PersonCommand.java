package dev.signet.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import jakarta.json.Json;

/** {@code signet person ...}: people, as Kanidm's {@code kanidm person}. */
@Command(name = "person", description = "People: create, read, change, delete; POSIX, SSH keys, credentials, RADIUS, lock, validity.",
        subcommands = {PersonCommand.Create.class, EntryCommands.Get.class, EntryCommands.ListEntries.class, PersonCommand.Update.class,
                EntryCommands.Delete.class, EntryCommands.Posix.class, EntryCommands.Ssh.class, PersonCommand.Credential.class,
                PersonCommand.Radius.class, AccountCommand.class, EntryCommands.Validity.class})
final class PersonCommand {
    @Command(name = "create", description = "Create a person.")
    static final class Create extends Action {
        @Parameters(index = "0", paramLabel = "NAME", description = "the account name (lower case)")
        String name;

        @Parameters(index = "1", paramLabel = "DISPLAYNAME")
        String displayname;

        @Option(names = {"-m", "--mail"}, paramLabel = "MAIL", description = "a mail address; repeatable, the first is the primary")
        List<String> mail;

        @Override
        void run() {
            Map<String, List<String>> attrs = new LinkedHashMap<>();
            attrs.put("name", List.of(name));
            attrs.put("displayname", List.of(displayname));
            if (mail != null) {
                attrs.put("mail", mail);
            }
            Server.Answer answer = api().call("POST", Kind.PERSON.path, RestJson.attrs(attrs));
            done(answer, "created person " + name + " (" + RestJson.first(answer.json(), "uuid") + ")");
        }
    }

    @Command(name = "update", description = "Change a person's names or mail addresses.")
    static final class Update extends Action {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = {"-n", "--newname"}, paramLabel = "NAME", description = "a new account name")
        String newName;

        @Option(names = {"-i", "--displayname"}, paramLabel = "TEXT")
        String displayname;

        @Option(names = {"-l", "--legalname"}, paramLabel = "TEXT")
        String legalname;

        @Option(names = {"-m", "--mail"}, paramLabel = "MAIL", description = "replaces the mail addresses; repeatable, the first is the primary")
        List<String> mail;

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Override
        void run() {
            Map<String, List<String>> attrs = new LinkedHashMap<>();
            attrs.put("name", one(newName));
            attrs.put("displayname", one(displayname));
            attrs.put("legalname", one(legalname));
            attrs.put("mail", mail);
            attrs.put("description", one(description));
            Server.Answer answer = EntryCommands.patch(api(), Kind.PERSON.of(name), attrs);
            show(answer, () -> print(RestJson.entryLines(answer.json())));
        }
    }

    static List<String> one(String value) {
        return value == null ? null : List.of(value);
    }

    @Command(name = "credential", description = "A person's credentials as an admin sees them.",
            subcommands = {EntryCommands.SetPassword.class, CreateResetToken.class, EntryCommands.ResetLockout.class})
    static final class Credential {
    }

    @Command(name = "create-reset-token", description = "A single-use token the person redeems to set their own credentials (shown once).")
    static final class CreateResetToken extends Action {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--ttl", paramLabel = "SECONDS", description = "how long it is valid, 300 to 86400 (default 3600)")
        Long ttl;

        @Override
        void run() {
            String body = ttl == null ? "{}" : Json.createObjectBuilder().add("ttl", ttl).build().toString();
            Server.Answer answer = api().call("POST", Kind.PERSON.of(name) + "/_credential/_update_intent", body);
            show(answer, () -> {
                out().println("reset token for " + name + " (shown once, valid until " + RestJson.string(answer.json(), "expires") + "):");
                out().println(RestJson.string(answer.json(), "token"));
            });
        }
    }

    @Command(name = "radius", description = "The person's RADIUS secret (separate from the password).",
            subcommands = {RadiusGenerate.class, RadiusShow.class, RadiusDelete.class})
    static final class Radius {
    }

    @Command(name = "generate-secret", description = "Make a new RADIUS secret (replaces the old one) and show it.")
    static final class RadiusGenerate extends Action {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        void run() {
            Server.Answer answer = api().call("POST", Kind.PERSON.of(name) + "/_radius", null);
            show(answer, () -> out().println(RestJson.string(answer.json(), "secret")));
        }
    }

    @Command(name = "show-secret", description = "Show the RADIUS secret.")
    static final class RadiusShow extends Action {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        void run() {
            Server.Answer answer = api().call("GET", Kind.PERSON.of(name) + "/_radius", null);
            show(answer, () -> out().println(RestJson.string(answer.json(), "secret")));
        }
    }

    @Command(name = "delete-secret", description = "Delete the RADIUS secret.")
    static final class RadiusDelete extends Action {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        void run() {
            done(api().call("DELETE", Kind.PERSON.of(name) + "/_radius", null), "RADIUS secret of " + name + " deleted");
        }
    }
}
