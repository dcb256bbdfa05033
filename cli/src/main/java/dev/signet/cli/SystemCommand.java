package dev.signet.cli;

import picocli.CommandLine.Command;

/** {@code signet system ...}: what Kanidm keeps under {@code kanidm system}: sync accounts, and OAuth2 clients again. */
@Command(name = "system", description = "System configuration: sync accounts (and OAuth2 clients, also at the top level).",
        subcommands = {SyncCommand.class, OAuth2Command.class})
final class SystemCommand {
}
