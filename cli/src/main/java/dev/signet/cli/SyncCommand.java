package dev.signet.cli;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.LinkedHashMap;
import java.util.TreeMap;

/** {@code signet system sync ...}: sync accounts, their token, yield attributes, LDAP source, runs, schedule, finalise and terminate. */
@Command(name = "sync", description = "Sync accounts: the identity systems Signet imports from.",
        subcommands = {SyncCommand.Create.class, EntryCommands.Get.class, EntryCommands.ListEntries.class, SyncCommand.GenerateToken.class,
                SyncCommand.DestroyToken.class, SyncCommand.SetYieldAttributes.class, SyncCommand.Ldap.class, SyncCommand.Run.class,
                SyncCommand.Runs.class, SyncCommand.Schedule.class, SyncCommand.Finalise.class, SyncCommand.Terminate.class})
final class SyncCommand {
    abstract static class OnSync extends Action {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        String path() {
            return Kind.SYNC_ACCOUNT.of(name);
        }
    }

    @Command(name = "create", description = "Create a sync account.")
    static final class Create extends OnSync {
        @Parameters(index = "1", arity = "0..1", paramLabel = "DESCRIPTION")
        String description;

        @Override
        void run() {
            Map<String, List<String>> attrs = description == null ? Map.of("name", List.of(name))
                    : Map.of("name", List.of(name), "description", List.of(description));
            done(api().call("POST", Kind.SYNC_ACCOUNT.path, RestJson.attrs(new TreeMap<>(attrs))), "created sync account " + name);
        }
    }

    @Command(name = "generate-token", description = "Issue the sync token a sync tool presents (shown once; replaces the old one).")
    static final class GenerateToken extends OnSync {
        @Parameters(index = "1", arity = "0..1", paramLabel = "LABEL", description = "a label for your records (Kanidm's argument)")
        String label;

        @Override
        void run() {
            String body = label == null ? null : RestJson.object("label", label);
            Server.Answer answer = api().call("POST", path() + "/_sync_token", body);
            show(answer, () -> {
                prompter().say("sync token of " + name + ", shown once:");
                out().println(RestJson.string(answer.json(), "token"));
            });
        }
    }

    @Command(name = "destroy-token", description = "Destroy the sync token (the account, its entries and its sync state stay).")
    static final class DestroyToken extends OnSync {
        @Override
        void run() {
            done(api().call("DELETE", path() + "/_sync_token", null), "sync token of " + name + " destroyed");
        }
    }

    @Command(name = "set-yield-attributes", description = "The attributes local admins and users may change on imported entries (the whole set; none: no attribute).")
    static final class SetYieldAttributes extends OnSync {
        @Parameters(index = "1..*", arity = "0..*", paramLabel = "ATTR")
        List<String> attributes = List.of();

        @Override
        void run() {
            done(api().call("PUT", path() + "/_yield_attributes", RestJson.list(attributes)),
                    name + " yields " + (attributes.isEmpty() ? "nothing" : String.join(", ", attributes)));
        }
    }

    @Command(name = "ldap", description = "The LDAP directory the account reads from.", subcommands = {LdapSet.class, LdapGet.class, LdapTest.class})
    static final class Ldap {
    }

    @Command(name = "set", description = {"Set the LDAP source. The bind password is asked (on a terminal), or read as one line of standard input;",
            "it is sealed on the server and never shown again."})
    static final class LdapSet extends OnSync {
        @Option(names = "--ldap-url", required = true, paramLabel = "URL", description = "ldaps://HOST[:PORT], or ldap:// for StartTLS (-H is Signet's own URL)")
        String url;

        @Option(names = "--bind-dn", required = true, paramLabel = "DN")
        String bindDn;

        @Option(names = "--base-dn", required = true, paramLabel = "DN")
        String baseDn;

        @Option(names = "--person-filter", paramLabel = "FILTER")
        String personFilter;

        @Option(names = "--group-filter", paramLabel = "FILTER")
        String groupFilter;

        @Option(names = "--ca-pem", paramLabel = "FILE", description = "the directory's CA certificate (PEM)")
        Path caPem;

        @Option(names = "--exclude", paramLabel = "NAME", description = "a name not to import; repeatable")
        List<String> exclude;

        @Option(names = "--remap", paramLabel = "OLD=NEW", description = "import a name under another; repeatable")
        Map<String, String> remap;

        @Option(names = "--attribute-map", paramLabel = "KEY=ATTR", description = "the directory's attribute for id, name, mail, ...; repeatable")
        Map<String, String> attributeMap;

        @Override
        void run() {
            JsonObjectBuilder body = Json.createObjectBuilder().add("url", url).add("bind_dn", bindDn).add("base_dn", baseDn);
            if (personFilter != null) {
                body.add("person_filter", personFilter);
            }
            if (groupFilter != null) {
                body.add("group_filter", groupFilter);
            }
            if (caPem != null) {
                try {
                    body.add("ca_pem", Files.readString(caPem));
                } catch (IOException e) {
                    throw CliFault.usage("cannot read --ca-pem " + caPem + ": " + e.getMessage());
                }
            }
            if (exclude != null) {
                body.add("exclude", Json.createArrayBuilder(exclude));
            }
            if (remap != null) {
                body.add("remap", Json.createObjectBuilder(new LinkedHashMap<String, Object>(remap)));
            }
            if (attributeMap != null) {
                body.add("attribute_map", Json.createObjectBuilder(new LinkedHashMap<String, Object>(attributeMap)));
            }
            body.add("bind_password", prompter().secret("Bind password for " + bindDn));
            Server.Answer answer = api().call("PUT", path() + "/_ldap", body.build().toString());
            done(answer, name + " reads from " + url);
        }
    }

    @Command(name = "get", description = "Show the LDAP source (never its password).")
    static final class LdapGet extends OnSync {
        @Override
        void run() {
            Server.Answer answer = api().call("GET", path() + "/_ldap", null);
            show(answer, () -> {
                if (answer.json() instanceof JsonObject source) {
                    source.forEach((k, v) -> out().println(k + ": " + (v instanceof JsonString s ? s.getString() : v.toString())));
                }
            });
        }
    }

    @Command(name = "test", description = "Try the LDAP source as a run would (connect, TLS, bind) and count what the filters match.")
    static final class LdapTest extends OnSync {
        @Override
        void run() {
            Server.Answer answer = api().call("POST", path() + "/_ldap/_test", null);
            JsonValue result = answer.json();
            boolean ok = result instanceof JsonObject o && o.getBoolean("ok", false);
            show(answer, () -> out().println(ok
                    ? "ok: " + RestJson.string(result, "people") + " people, " + RestJson.string(result, "groups") + " groups"
                    + ("true".equals(RestJson.string(result, "complete")) ? "" : " (counts incomplete)")
                    : "failed at " + RestJson.string(result, "stage") + ": " + RestJson.string(result, "error")));
            if (!ok) {
                throw new CliFault(CliFault.REFUSED, "the LDAP source failed the test");
            }
        }
    }

    @Command(name = "run", description = {"Start a run now and follow it until it ends (a progress bar on a terminal),",
            "then print its counts and, for a failed run, its report. Exit code 1 if it failed."})
    static final class Run extends OnSync {
        @Option(names = "--no-wait", description = "only start it; print the run id")
        boolean noWait;

        @Override
        void run() {
            Server.Answer started = api().call("POST", path() + "/_run", null);
            String id = RestJson.string(started.json(), "run");
            if (noWait) {
                show(started, () -> out().println(id));
                return;
            }
            RunProgress progress = new RunProgress(prompter().interactive() && !json() ? System.err : null);
            JsonValue run;
            while (true) {
                run = Runs.find(api().json("GET", path() + "/_runs", null), id);
                if (run != null && !"RUNNING".equals(RestJson.string(run, "status"))) {
                    break;
                }
                progress.show(run);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw CliFault.refused("interrupted; the run " + id + " goes on (signet system sync runs " + name + ")");
                }
            }
            progress.end();
            if (json()) {
                out().println(run);
            } else {
                out().println(Runs.summary(run));
                String report = RestJson.string(run, "report");
                if (!report.isEmpty()) {
                    out().println(report);
                }
            }
            if ("FAILED".equals(RestJson.string(run, "status"))) {
                throw new CliFault(CliFault.REFUSED, "run " + id + " of " + name + " failed");
            }
        }
    }

    @Command(name = "runs", description = "List the account's runs with their counts.")
    static final class Runs extends OnSync {
        @Override
        void run() {
            Server.Answer answer = api().call("GET", path() + "/_runs", null);
            show(answer, () -> {
                Table table = new Table("id", "status", "started", "ended", "read", "created", "updated", "deleted", "unchanged", "conflicts");
                for (JsonValue r : RestJson.array(answer.json())) {
                    table.row(RestJson.string(r, "id"), RestJson.string(r, "status"), RestJson.string(r, "started"), RestJson.string(r, "ended"),
                            RestJson.string(r, "read"), RestJson.string(r, "created"), RestJson.string(r, "updated"), RestJson.string(r, "deleted"),
                            RestJson.string(r, "unchanged"), RestJson.string(r, "conflicts"));
                }
                print(table.toString());
            });
        }

        static JsonValue find(JsonValue runs, String id) {
            return RestJson.array(runs).stream().filter(r -> id.equals(RestJson.string(r, "id"))).findFirst().orElse(null);
        }

        static String summary(JsonValue run) {
            return "run " + RestJson.string(run, "id") + " " + RestJson.string(run, "status") + ": read " + RestJson.string(run, "read")
                    + ", created " + RestJson.string(run, "created") + ", updated " + RestJson.string(run, "updated")
                    + ", deleted " + RestJson.string(run, "deleted") + ", unchanged " + RestJson.string(run, "unchanged")
                    + ", conflicts " + RestJson.string(run, "conflicts");
        }
    }

    @Command(name = "schedule", description = "Run the account's sync on a schedule (cron fields).", subcommands = {ScheduleSet.class, ScheduleClear.class})
    static final class Schedule {
    }

    @Command(name = "set", description = "Set the schedule: cron's five fields (\"0 * * * *\") or @hourly, @daily, @weekly.")
    static final class ScheduleSet extends OnSync {
        @Parameters(index = "1", paramLabel = "CRON")
        String cron;

        @Override
        void run() {
            done(api().call("PUT", path() + "/_schedule", RestJson.object("schedule", cron)), name + " runs at " + cron);
        }
    }

    @Command(name = "clear", description = "Stop running on a schedule.")
    static final class ScheduleClear extends OnSync {
        @Override
        void run() {
            done(api().call("DELETE", path() + "/_schedule", null), name + " runs on no schedule");
        }
    }

    @Command(name = "finalise", description = "Make every imported entry an ordinary local one; the account stops syncing.")
    static final class Finalise extends OnSync {
        @Option(names = {"-y", "--yes"}, description = "do not ask (needed where there is no terminal)")
        boolean yes;

        @Override
        void run() {
            prompter().confirmIrreversible(yes, "Finalising sync account " + name + ": its entries become local and it stops syncing.");
            Server.Answer answer = api().call("POST", path() + "/_finalise", null);
            done(answer, "finalised " + name + ": " + RestJson.string(answer.json(), "entries") + " entries are local now");
        }
    }

    @Command(name = "terminate", description = "Delete every entry the account imported (to the recycle bin), then the account.")
    static final class Terminate extends OnSync {
        @Option(names = {"-y", "--yes"}, description = "do not ask (needed where there is no terminal)")
        boolean yes;

        @Override
        void run() {
            prompter().confirmIrreversible(yes, "Terminating sync account " + name + ": every entry it imported is deleted, then the account.");
            Server.Answer answer = api().call("POST", path() + "/_terminate", null);
            done(answer, "terminated " + name + ": " + RestJson.string(answer.json(), "entries") + " entries deleted");
        }
    }
}
