package dev.signet.cli;

import jakarta.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import jakarta.json.JsonObject;

/** {@code signet self ...}: the account logged in, on its own behalf. */
@Command(name = "self", description = "Your own account: who you are, your password, TOTP and backup codes.",
        subcommands = {SelfCommand.Whoami.class, SelfCommand.SetPassword.class, SelfCommand.Totp.class, SelfCommand.BackupCodes.class})
final class SelfCommand {
    @Command(name = "whoami", description = "Show the account logged in.")
    static final class Whoami extends Action {
        @Override
        void run() {
            Server.Answer answer = api().call("GET", "/v1/self", null);
            show(answer, () -> print(RestJson.entryLines(answer.json())));
        }
    }

    @Command(name = "set-password", description = "Change your password (asked on a terminal, else one line of standard input).")
    static final class SetPassword extends Action {
        @Override
        void run() {
            String name = api().name();
            String password = prompter().newSecret("New password");
            done(api().call("POST", Kind.PERSON.of(name) + "/_credential/_set_password", RestJson.object("password", password)), "password changed");
        }
    }

    @Command(name = "totp", description = "TOTP authenticators.", subcommands = {TotpAdd.class, TotpRemove.class})
    static final class Totp {
    }

    @Command(name = "add", description = {"Enrol a TOTP authenticator: shows the otpauth:// URI and secret, then asks for a code from the app",
            "(without a terminal: one line of standard input) to activate it."})
    static final class TotpAdd extends Action {
        @Option(names = "--label", paramLabel = "TEXT")
        String label;

        @Option(names = "--algorithm", paramLabel = "SHA1|SHA256|SHA512")
        String algorithm;

        @Option(names = "--digits", paramLabel = "6|8")
        Integer digits;

        @Override
        void run() {
            var body = Json.createObjectBuilder();
            if (label != null) {
                body.add("label", label);
            }
            if (algorithm != null) {
                body.add("algorithm", algorithm);
            }
            if (digits != null) {
                body.add("digits", digits);
            }
            Server.Answer enrolment = api().call("POST", "/v1/self/_credential/_totp", body.build().toString());
            String id = RestJson.string(enrolment.json(), "id");
            // the secret goes to standard output (for the app); the questions go to standard error
            out().println(RestJson.string(enrolment.json(), "uri"));
            prompter().say("secret: " + RestJson.string(enrolment.json(), "secret") + " (add it to your authenticator app)");
            String code = prompter().secret("Code from the app").trim();
            api().call("POST", "/v1/self/_credential/_totp/" + seg(id) + "/_verify", RestJson.object("code", code));
            prompter().say("TOTP authenticator " + id + " active: logins now ask for a code");
        }
    }

    @Command(name = "remove", description = "Remove a TOTP authenticator.")
    static final class TotpRemove extends Action {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        void run() {
            done(api().call("DELETE", "/v1/self/_credential/_totp/" + seg(id), null), "TOTP authenticator " + id + " removed");
        }
    }

    @Command(name = "backup-codes", description = "Make a new set of backup codes (the old ones stop working); shown once.")
    static final class BackupCodes extends Action {
        @Override
        void run() {
            Server.Answer answer = api().call("POST", "/v1/self/_credential/_backup_codes", null);
            show(answer, () -> {
                prompter().say("backup codes, each usable once, shown once:");
                RestJson.strings(answer.json() instanceof JsonObject body ? body.get("codes") : null).forEach(out()::println);
            });
        }
    }
}
