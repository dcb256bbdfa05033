package dev.signet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import java.util.stream.Stream;

/** Argument parsing and the exit codes of what is decided before the server is asked. */
class CommandLineTest {
    @TempDir
    Path home;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Signet.execute(args, Map.of("HOME", home.toString()), null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingArgumentIsOneLineAndExitCodeTwo() {
        Run run = run("-H", "https://localhost:1", "person", "create", "jsmith");
        assertEquals(2, run.code());
        assertEquals("usage: Missing required parameter: 'DISPLAYNAME' (see signet person create --help)\n", run.err());
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageError() {
        assertEquals(2, run("persons", "list").code());
        assertEquals(2, run("person", "list", "--bogus").code());
        assertEquals(2, run().code());
        assertEquals(2, run("audit-log", "export", "--since", "1 hour ago", "--format", "xml").code());
    }

    @Test
    void noServerIsAUsageError() {
        Run run = run("person", "list");
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("no server given"), run.err());
    }

    @Test
    void anIrreversibleOperationWithoutATerminalNeedsYesAndIsRefusedBeforeTheServerIsAsked() {
        for (List<String> command : List.of(List.of("person", "delete", "jsmith"), List.of("group", "delete", "developers"),
                List.of("system", "sync", "finalise", "ipa"), List.of("system", "sync", "terminate", "ipa"),
                List.of("group", "purge-members", "developers"), List.of("oauth2", "delete", "myapp"))) {
            String[] args = Stream.concat(Stream.of("-H", "https://localhost:1"), command.stream())
                    .toArray(String[]::new);
            Run run = run(args);
            assertEquals(1, run.code(), command.toString());
            assertTrue(run.err().startsWith("This operation can NOT be undone"), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
        }
    }

    @Test
    void globalOptionsMayFollowTheCommandAndSetTheRootsOptions() {
        Signet signet = new Signet();
        CommandLine cli = Signet.commandLine(signet, System.out, System.err);
        CommandLine.ParseResult parsed = cli.parseArgs("person", "list", "-H", "https://idm.example.com", "-D", "idm_admin", "-o", "JSON", "--filter", "mail=a@b");
        assertEquals("https://idm.example.com", signet.url);
        assertEquals("idm_admin", signet.name);
        assertSame(Signet.Output.json, signet.output);
        EntryCommands.ListEntries list = parsed.subcommand().subcommand().commandSpec().commandLine().getCommand();
        assertEquals(List.of("mail=a@b"), list.filters);
    }

    @Test
    void sharedSubcommandsKnowTheKindTheyActOn() {
        CommandLine cli = Signet.commandLine(new Signet(), System.out, System.err);
        assertSame(Kind.PERSON, kindOf(cli, "person", "posix", "set", "jsmith"));
        assertSame(Kind.SERVICE_ACCOUNT, kindOf(cli, "service-account", "account", "lock", "bot", "--reason", "r"));
        assertSame(Kind.GROUP, kindOf(cli, "group", "posix", "set", "developers", "--gidnumber", "70000"));
        assertSame(Kind.OAUTH2, kindOf(cli, "system", "oauth2", "get", "myapp"));
        assertSame(Kind.SYNC_ACCOUNT, kindOf(cli, "system", "sync", "get", "ipa"));
        assertEquals(null, kindOf(cli, "account", "lock", "jsmith", "--reason", "r"));
    }

    private static Kind kindOf(CommandLine cli, String... args) {
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        return Kind.of(parsed.commandSpec());
    }

    @Test
    void aBadTimeIsAUsageError() {
        Run run = run("-H", "https://localhost:1", "audit-log", "export", "--since", "a while back");
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("cannot read the time"), run.err());
    }

    @Test
    void theCompletionScriptNamesEveryCommandGroup() {
        Run run = run("generate-completion");
        assertEquals(0, run.code());
        for (String group : List.of("person", "group", "service-account", "oauth2", "radius-client", "system", "recycle-bin", "audit-log", "self")) {
            assertTrue(run.out().contains(group), group);
        }
        assertTrue(Files.notExists(home.resolve(".cache")), "nothing cached by commands that never reached a server");
    }
}
