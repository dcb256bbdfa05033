package dev.signet.cli;

import jakarta.json.JsonValue;
import picocli.CommandLine.Command;
import java.util.Map;

/** {@code login}, {@code reauth}, {@code logout} and {@code session list}: the session the other commands act in. */
final class SessionCommands {
    private SessionCommands() {
    }

    @Command(name = "login", description = {"Log in (password, or password and TOTP or backup code) and cache the session's token.",
            "Secrets are asked on a terminal; without one each is read as a line of standard input."})
    static final class LoginCommand extends Action {
        @Override
        void run() {
            Signet root = root();
            String name = root.explicitName();
            Server server = root.server();
            TokenCache cache = root.cache();
            if (name == null) {
                name = cache.lastName(server.url().toString()).orElseThrow(() -> CliFault.usage("whom to log in as? pass -D NAME"));
            }
            String token = new Login(server, prompter()).login(name);
            cache.store(server.url().toString(), name, token);
            if (!json()) {
                out().println("logged in as " + name + " on " + server.url() + " (read-write for the first minutes; signet reauth opens it again)");
            }
        }
    }

    @Command(name = "reauth", description = "Prove the credentials again to reopen the session's read-write window.")
    static final class ReauthCommand extends Action {
        @Override
        void run() {
            api().reauthenticate();
            if (!json()) {
                out().println("reauthenticated as " + api().name() + ": changes are allowed for the read-write window");
            }
        }
    }

    @Command(name = "logout", description = "End the session on the server and drop its cached token.")
    static final class LogoutCommand extends Action {
        @Override
        void run() {
            Api api = api();
            String name = api.name();
            try {
                api.server().send("POST", "/v1/logout", null, Map.of("Authorization", "Bearer " + api.token()));
            } finally {
                root().cache().forget(api.key(), name);
            }
            if (!json()) {
                out().println("logged out " + name + " from " + api.key());
            }
        }
    }

    @Command(name = "session", description = "The sessions of the account logged in.", subcommands = SessionList.class)
    static final class SessionCommand {
    }

    @Command(name = "list", description = "List the account's sessions (never their tokens).")
    static final class SessionList extends Action {
        @Override
        void run() {
            Server.Answer answer = api().call("GET", "/v1/self/_sessions", null);
            show(answer, () -> {
                Table table = new Table("id", "issued", "expires", "read_write_until", "source");
                for (JsonValue s : RestJson.array(answer.json())) {
                    table.row(RestJson.string(s, "id"), RestJson.string(s, "issued"), RestJson.string(s, "expires"),
                            RestJson.string(s, "read_write_until"), RestJson.string(s, "source"));
                }
                print(table.toString());
            });
        }
    }
}
