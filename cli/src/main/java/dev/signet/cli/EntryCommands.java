package dev.signet.cli;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Subcommands every kind of entry shares (people, groups, service accounts, and what else takes
 * the same verbs); each finds its kind from the command it sits under ({@link Kind#of}).
 */
final class EntryCommands {
    private EntryCommands() {
    }

    abstract static class OnEntry extends Action {
        Kind kind() {
            return Kind.of(spec);
        }
    }

    @Command(name = "get", description = "Show one entry.")
    static final class Get extends OnEntry {
        @Parameters(paramLabel = "NAME", description = "name, spn or uuid")
        String name;

        @Override
        void run() {
            Server.Answer answer = api().call("GET", kind().of(name), null);
            show(answer, () -> print(RestJson.entryLines(answer.json())));
        }
    }

    @Command(name = "list", description = "List entries as a table (every page; -o json for the REST bodies).")
    static final class ListEntries extends OnEntry {
        @Option(names = "--filter", paramLabel = "ATTR=VALUE",
                description = "an exact value of an indexed attribute (name, mail, memberof, class, ...); repeatable")
        List<String> filters = new ArrayList<>();

        @Override
        void run() {
            Kind kind = kind();
            StringBuilder query = new StringBuilder();
            for (String filter : filters) {
                int eq = filter.indexOf('=');
                if (eq <= 0) {
                    throw CliFault.usage("--filter takes ATTR=VALUE, not '" + filter + "'");
                }
                query.append('&').append(seg(filter.substring(0, eq))).append('=').append(seg(filter.substring(eq + 1)));
            }
            if (!kind.paged && !filters.isEmpty()) {
                throw CliFault.usage("a list of " + kind.noun + "s takes no --filter");
            }
            List<JsonValue> all = new ArrayList<>();
            String after = null;
            while (true) {
                String path = kind.path + (kind.paged ? "?limit=1000" + (after == null ? "" : "&after=" + seg(after)) + query : "");
                List<JsonValue> page = RestJson.array(api().json("GET", path, null));
                all.addAll(page);
                if (!kind.paged || page.size() < 1000) {
                    break;
                }
                after = RestJson.first(page.get(page.size() - 1), "name");
            }
            if (json()) {
                JsonArrayBuilder array = Json.createArrayBuilder();
                all.forEach(array::add);
                out().println(array.build());
                return;
            }
            Table table = new Table(kind.columns.toArray(String[]::new));
            for (JsonValue entry : all) {
                table.row(kind.columns.stream().map(c -> String.join(",", RestJson.values(entry, c))).toArray(String[]::new));
            }
            print(table.toString());
        }
    }

    @Command(name = "delete", description = "Delete an entry (people, groups and service accounts go to the recycle bin).")
    static final class Delete extends OnEntry {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = {"-y", "--yes"}, description = "do not ask (needed where there is no terminal)")
        boolean yes;

        @Override
        void run() {
            Kind kind = kind();
            prompter().confirmIrreversible(yes, "Deleting " + kind.noun + " " + name + ".");
            Server.Answer answer = api().call("DELETE", kind.of(name), null);
            done(answer, "deleted " + kind.noun + " " + name);
        }
    }

    @Command(name = "posix", description = "POSIX attributes (uid and gid numbers, login shell).",
            subcommands = {PosixSet.class, PosixShow.class})
    static final class Posix {
    }

    @Command(name = "set", description = "Make the entry POSIX: allocate its uid/gid number (or take --gidnumber) and set the shell.")
    static final class PosixSet extends OnEntry {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--gidnumber", paramLabel = "N", description = "an explicit number, 65536 or more (default: the next free one)")
        Long gidnumber;

        @Option(names = "--shell", paramLabel = "PATH", description = "the login shell, e.g. /bin/bash")
        String shell;

        @Override
        void run() {
            var body = Json.createObjectBuilder();
            if (gidnumber != null) {
                body.add("gidnumber", gidnumber);
            }
            if (shell != null) {
                body.add("shell", shell);
            }
            Server.Answer answer = api().call("POST", kind().of(name) + "/_unix", body.build().toString());
            show(answer, () -> out().println(name + ": gidnumber " + RestJson.first(answer.json(), "gidnumber")
                    + (RestJson.first(answer.json(), "loginshell").isEmpty() ? "" : ", shell " + RestJson.first(answer.json(), "loginshell"))));
        }
    }

    @Command(name = "show", description = "Show the POSIX attributes.")
    static final class PosixShow extends OnEntry {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        void run() {
            Server.Answer answer = api().call("GET", kind().of(name), null);
            show(answer, () -> {
                for (String attr : List.of("name", "uidnumber", "gidnumber", "loginshell")) {
                    RestJson.values(answer.json(), attr).forEach(v -> out().println(attr + ": " + v));
                }
            });
        }
    }

    @Command(name = "ssh", description = "SSH public keys.", subcommands = {SshList.class, SshAdd.class, SshDelete.class})
    static final class Ssh {
    }

    @Command(name = "list-publickeys", description = "List the SSH public keys (TAG: KEY).")
    static final class SshList extends OnEntry {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        void run() {
            Server.Answer answer = api().call("GET", kind().of(name) + "/_ssh_pubkeys", null);
            show(answer, () -> RestJson.strings(answer.json()).forEach(out()::println));
        }
    }

    @Command(name = "add-publickey", description = "Add an SSH public key under a tag.")
    static final class SshAdd extends OnEntry {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "TAG")
        String tag;

        @Parameters(index = "2", paramLabel = "KEY", description = "the key, e.g. \"ssh-ed25519 AAAA... me@laptop\" (quoted)")
        String key;

        @Override
        void run() {
            done(api().call("POST", kind().of(name) + "/_ssh_pubkeys", RestJson.list(List.of(tag, key))), "added SSH key " + tag + " to " + name);
        }
    }

    @Command(name = "delete-publickey", description = "Delete the SSH public key with this tag.")
    static final class SshDelete extends OnEntry {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "TAG")
        String tag;

        @Override
        void run() {
            done(api().call("DELETE", kind().of(name) + "/_ssh_pubkeys/" + seg(tag), null), "deleted SSH key " + tag + " of " + name);
        }
    }

    @Command(name = "validity", description = "When the account may log in.", subcommands = {ValidityShow.class, ExpireAt.class, BeginFrom.class})
    static final class Validity {
    }

    @Command(name = "show", description = "Show the account's validity window.")
    static final class ValidityShow extends OnEntry {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        void run() {
            Server.Answer answer = api().call("GET", kind().of(name), null);
            show(answer, () -> {
                String from = RestJson.first(answer.json(), "account_valid_from");
                String until = RestJson.first(answer.json(), "account_expire");
                out().println("valid after: " + (from.isEmpty() ? "any time" : from));
                out().println("expire: " + (until.isEmpty() ? "never" : until));
            });
        }
    }

    /** Sets or clears one validity attribute: an RFC 3339 time, "now", or a word that clears it. */
    abstract static class ValidityChange extends OnEntry {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "DATETIME")
        String when;

        abstract String attribute();

        abstract List<String> clearWords();

        @Override
        void run() {
            String path = kind().of(name) + "/_attr/" + attribute();
            Server.Answer answer;
            if (clearWords().contains(when.toLowerCase(Locale.ROOT))) {
                answer = api().call("DELETE", path, null);
                done(answer, name + ": " + attribute() + " cleared");
                return;
            }
            String instant = "now".equalsIgnoreCase(when) ? Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()
                    : "epoch".equalsIgnoreCase(when) ? Instant.EPOCH.toString() : when;
            answer = api().call("PUT", path, RestJson.list(List.of(instant)));
            done(answer, name + ": " + attribute() + " " + instant);
        }
    }

    @Command(name = "expire-at", description = {"Expire the account at a time: RFC 3339 (2026-12-31T00:00:00Z), \"now\", or",
            "\"never\"/\"clear\"/\"any\" to remove the expiry."})
    static final class ExpireAt extends ValidityChange {
        @Override
        String attribute() {
            return "account_expire";
        }

        @Override
        List<String> clearWords() {
            return List.of("never", "clear", "any");
        }
    }

    @Command(name = "begin-from", description = "Let the account log in only from a time: RFC 3339, \"now\", or \"any\"/\"clear\" to remove it.")
    static final class BeginFrom extends ValidityChange {
        @Override
        String attribute() {
            return "account_valid_from";
        }

        @Override
        List<String> clearWords() {
            return List.of("any", "clear");
        }
    }

    @Command(name = "set-password", description = "Set the account's password (asked on a terminal, else one line of standard input).")
    static final class SetPassword extends OnEntry {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        void run() {
            String password = prompter().newSecret("New password for " + name);
            Server.Answer answer = api().call("POST", kind().of(name) + "/_credential/_set_password", RestJson.object("password", password));
            done(answer, "password of " + name + " set");
        }
    }

    @Command(name = "reset-lockout", aliases = "softlock-reset", description = "Lift the soft lock failed logins put on the account.")
    static final class ResetLockout extends OnEntry {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        void run() {
            done(api().call("POST", kind().of(name) + "/_reset_lockout", null), "lockout of " + name + " lifted");
        }
    }

    /** A PATCH of the given attributes, skipping those not given. */
    static Server.Answer patch(Api api, String path, Map<String, List<String>> attrs) {
        Map<String, List<String>> given = new LinkedHashMap<>();
        attrs.forEach((k, v) -> {
            if (v != null) {
                given.put(k, v);
            }
        });
        if (given.isEmpty()) {
            throw CliFault.usage("nothing to change: give at least one option");
        }
        return api.call("PATCH", path, RestJson.attrs(given));
    }
}
