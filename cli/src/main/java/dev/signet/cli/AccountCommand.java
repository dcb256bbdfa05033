package dev.signet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code signet account lock|unlock}: a lock keeps the account and its history and refuses its
 * logins. At the top level the name may be a person or a service account; under {@code person}
 * or {@code service-account} it is that kind.
 */
@Command(name = "account", description = "Lock or unlock an account (a person or a service account).",
        subcommands = {AccountCommand.Lock.class, AccountCommand.Unlock.class})
final class AccountCommand {
    abstract static class OnAccount extends EntryCommands.OnEntry {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        /** POSTs to the account's path; a top-level command looks among service accounts when no person has the name. */
        Server.Answer post(String suffix, String body) {
            Kind kind = kind();
            if (kind != null) {
                return api().call("POST", kind.of(name) + suffix, body);
            }
            try {
                return api().call("POST", Kind.PERSON.of(name) + suffix, body);
            } catch (Refusal refusal) {
                if (refusal.status() != 404) {
                    throw refusal;
                }
                return api().call("POST", Kind.SERVICE_ACCOUNT.of(name) + suffix, body);
            }
        }
    }

    @Command(name = "lock", description = "Lock the account, with a reason kept beside it.")
    static final class Lock extends OnAccount {
        @Option(names = {"-r", "--reason"}, required = true, paramLabel = "TEXT", description = "why (kept and audited)")
        String reason;

        @Override
        void run() {
            done(post("/_lock", RestJson.object("reason", reason)), "locked " + name + ": " + reason);
        }
    }

    @Command(name = "unlock", description = "Unlock the account.")
    static final class Unlock extends OnAccount {
        @Override
        void run() {
            done(post("/_unlock", null), "unlocked " + name);
        }
    }
}
