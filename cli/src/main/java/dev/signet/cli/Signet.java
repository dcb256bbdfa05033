package dev.signet.cli;

import java.io.Console;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;

/**
 * {@code signet}: every admin and self-service action of the REST API from a shell, named as
 * Kanidm's {@code kanidm} names them so that Kanidm runbooks carry over.
 */
@Command(name = "signet", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, versionProvider = Signet.Version.class,
        description = "Signet's command-line client: people, groups, service accounts, OAuth2 clients, sync accounts and the audit trail over the REST API.",
        footer = {"", "Exit codes: 0 done, 1 refused (by the server, or an irreversible operation not confirmed), 2 usage error, 3 server unreachable or not trusted.",
                "Server: -H, or SIGNET_URL, or url = ... in ~/.config/signet/config (also name = ..., ca = ...)."},
        subcommands = {
                SessionCommands.LoginCommand.class, SessionCommands.ReauthCommand.class, SessionCommands.LogoutCommand.class,
                SessionCommands.SessionCommand.class, SelfCommand.class, PersonCommand.class, GroupCommand.class,
                ServiceAccountCommand.class, AccountCommand.class, OAuth2Command.class, RadiusClientCommand.class,
                SystemCommand.class, RecycleBinCommand.class, AuditLogCommand.class,
                CommandLine.HelpCommand.class, picocli.AutoComplete.GenerateCompletion.class})
public class Signet implements Runnable {
    enum Output { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = {"-H", "--url"}, scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The server, https://HOST[:PORT] (default: SIGNET_URL, or url in ~/.config/signet/config).")
    String url;

    @Option(names = {"-D", "--name"}, scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "The account to act as (default: the one logged in last on that server).")
    String name;

    @Option(names = {"-C", "--ca"}, scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Trust only the certificates in this PEM file (a self-signed server's /ca.pem). TLS is always verified.")
    String ca;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "text|json", defaultValue = "text",
            description = "text (tables and lines, the default) or json (the REST body as is).")
    Output output;

    private Map<String, String> env = System.getenv();
    private PrintStream out = System.out;
    private PrintStream err = System.err;
    private Prompter prompter;
    private Api api;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, e.g. signet login or signet person list");
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(execute(args, System.getenv(), System.console(), out, err));
    }

    /** Runs one command line; answers the exit code. */
    static int execute(String[] args, Map<String, String> env, Console console, PrintStream out, PrintStream err) {
        Signet signet = new Signet();
        signet.env = env;
        signet.out = out;
        signet.err = err;
        signet.prompter = new Prompter(console, err);
        return commandLine(signet, out, err).execute(args);
    }

    static CommandLine commandLine(Signet signet, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(signet);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, args) -> {
            err.println("usage: " + e.getMessage() + " (see " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return CliFault.USAGE;
        });
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof CliFault fault) {
                err.println(fault.getMessage());
                return fault.exitCode();
            }
            err.println("signet: " + e);
            return CliFault.REFUSED;
        });
        return cli;
    }

    Output output() {
        return output;
    }

    PrintStream out() {
        return out;
    }

    Prompter prompter() {
        return prompter;
    }

    Map<String, String> env() {
        return env;
    }

    Settings settings() {
        return new Settings(env);
    }

    TokenCache cache() {
        return new TokenCache(Settings.cacheDir(env));
    }

    Server server() {
        Settings settings = settings();
        return new Server(settings.url(url), settings.ca(ca));
    }

    /** The account to act as, explicitly: {@code -D}, SIGNET_NAME or the config's name (null if none). */
    String explicitName() {
        return settings().name(name);
    }

    Api api() {
        if (api == null) {
            api = new Api(server(), cache(), prompter, explicitName());
        }
        return api;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Signet.class.getPackage().getImplementationVersion();
            return new String[] {"signet " + (version == null ? "(development build)" : version)};
        }
    }
}
