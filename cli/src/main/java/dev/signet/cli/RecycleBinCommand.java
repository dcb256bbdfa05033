package dev.signet.cli;

import jakarta.json.JsonValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code signet recycle-bin list|revive}: deleted entries, until they are purged. */
@Command(name = "recycle-bin", description = "Deleted entries, revivable until purged.", subcommands = {RecycleBinCommand.ListBin.class, RecycleBinCommand.Revive.class})
final class RecycleBinCommand {
    @Command(name = "list", description = "List the deleted entries.")
    static final class ListBin extends Action {
        @Override
        void run() {
            Server.Answer answer = api().call("GET", "/v1/recycle_bin", null);
            show(answer, () -> {
                Table table = new Table("name", "class", "uuid");
                for (JsonValue entry : RestJson.array(answer.json())) {
                    table.row(RestJson.first(entry, "name"), String.join(",", RestJson.values(entry, "class")), RestJson.first(entry, "uuid"));
                }
                print(table.toString());
            });
        }
    }

    @Command(name = "revive", description = "Bring a deleted entry back, with its memberships.")
    static final class Revive extends Action {
        @Parameters(paramLabel = "NAME", description = "name or uuid")
        String name;

        @Override
        void run() {
            done(api().call("POST", "/v1/recycle_bin/" + seg(name) + "/_revive", null), "revived " + name);
        }
    }
}
