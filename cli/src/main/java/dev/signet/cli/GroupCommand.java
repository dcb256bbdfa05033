package dev.signet.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code signet group ...}: groups and their members, POSIX and account policy, as Kanidm's {@code kanidm group}. */
@Command(name = "group", description = "Groups: create, read, delete; members, POSIX, account policy.",
        subcommands = {GroupCommand.Create.class, EntryCommands.Get.class, EntryCommands.ListEntries.class, EntryCommands.Delete.class,
                GroupCommand.AddMembers.class, GroupCommand.RemoveMembers.class, GroupCommand.SetMembers.class,
                GroupCommand.PurgeMembers.class, GroupCommand.ListMembers.class, GroupCommand.SetDescription.class,
                GroupCommand.SetMail.class, EntryCommands.Posix.class, GroupCommand.AccountPolicy.class})
final class GroupCommand {
    private static String members(String group) {
        return Kind.GROUP.of(group) + "/_attr/member";
    }

    @Command(name = "create", description = "Create a group.")
    static final class Create extends Action {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Override
        void run() {
            Map<String, List<String>> attrs = new LinkedHashMap<>();
            attrs.put("name", List.of(name));
            if (description != null) {
                attrs.put("description", List.of(description));
            }
            Server.Answer answer = api().call("POST", Kind.GROUP.path, RestJson.attrs(attrs));
            done(answer, "created group " + name + " (" + RestJson.first(answer.json(), "uuid") + ")");
        }
    }

    abstract static class MemberChange extends Action {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "MEMBER", description = "names, spns or uuids of people, service accounts or groups")
        List<String> names;
    }

    @Command(name = "add-members", description = "Add members to a group.")
    static final class AddMembers extends MemberChange {
        @Override
        void run() {
            done(api().call("POST", members(group), RestJson.list(names)), "added " + String.join(", ", names) + " to " + group);
        }
    }

    @Command(name = "remove-members", description = "Remove members from a group.")
    static final class RemoveMembers extends MemberChange {
        @Override
        void run() {
            done(api().call("DELETE", members(group), RestJson.list(names)), "removed " + String.join(", ", names) + " from " + group);
        }
    }

    @Command(name = "set-members", description = "Make these the group's only members.")
    static final class SetMembers extends MemberChange {
        @Override
        void run() {
            done(api().call("PUT", members(group), RestJson.list(names)), "members of " + group + ": " + String.join(", ", names));
        }
    }

    @Command(name = "purge-members", description = "Remove every member of a group.")
    static final class PurgeMembers extends Action {
        @Parameters(paramLabel = "GROUP")
        String group;

        @Option(names = {"-y", "--yes"}, description = "do not ask (needed where there is no terminal)")
        boolean yes;

        @Override
        void run() {
            prompter().confirmIrreversible(yes, "Removing every member of group " + group + ".");
            done(api().call("DELETE", members(group), null), "group " + group + " has no members");
        }
    }

    @Command(name = "list-members", description = "List a group's direct members.")
    static final class ListMembers extends Action {
        @Parameters(paramLabel = "GROUP")
        String group;

        @Override
        void run() {
            Server.Answer answer = api().call("GET", members(group), null);
            show(answer, () -> RestJson.strings(answer.json()).forEach(out()::println));
        }
    }

    @Command(name = "set-description", description = "Set the group's description (none given: clear it).")
    static final class SetDescription extends Action {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Parameters(index = "1", arity = "0..1", paramLabel = "TEXT")
        String description;

        @Override
        void run() {
            String path = Kind.GROUP.of(group) + "/_attr/description";
            done(description == null ? api().call("DELETE", path, null) : api().call("PUT", path, RestJson.list(List.of(description))),
                    "description of " + group + (description == null ? " cleared" : " set"));
        }
    }

    @Command(name = "set-mail", description = "Set the group's mail addresses (none given: clear them).")
    static final class SetMail extends Action {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Parameters(index = "1..*", arity = "0..*", paramLabel = "MAIL")
        List<String> mail;

        @Override
        void run() {
            String path = Kind.GROUP.of(group) + "/_attr/mail";
            boolean clear = mail == null || mail.isEmpty();
            done(clear ? api().call("DELETE", path, null) : api().call("PUT", path, RestJson.list(mail)),
                    "mail of " + group + (clear ? " cleared" : ": " + String.join(", ", mail)));
        }
    }

    @Command(name = "account-policy", description = "Policies for the group's members (the strictest of a person's groups wins).",
            subcommands = {CredentialTypeMinimum.class, PasswordMinimumLength.class, PasswordMinimumClasses.class, PasswordHistory.class,
                    ResetCredentialTypeMinimum.class, ResetPasswordMinimumLength.class, ResetPasswordMinimumClasses.class,
                    ResetPasswordHistory.class})
    static final class AccountPolicy {
    }

    /** Sets one policy attribute of a group to one value. */
    abstract static class PolicySet extends Action {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        abstract String attribute();

        abstract String value();

        @Override
        void run() {
            done(api().call("PUT", Kind.GROUP.of(group) + "/_attr/" + attribute(), RestJson.list(List.of(value()))),
                    group + ": " + attribute() + " " + value());
        }
    }

    /** Clears one policy attribute: the members fall back to the default. */
    abstract static class PolicyReset extends Action {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        abstract String attribute();

        @Override
        void run() {
            done(api().call("DELETE", Kind.GROUP.of(group) + "/_attr/" + attribute(), null), group + ": " + attribute() + " reset");
        }
    }

    enum CredentialType { any, mfa, passkey }

    @Command(name = "credential-type-minimum", description = "The weakest credential members may log in with: any, mfa or passkey.")
    static final class CredentialTypeMinimum extends PolicySet {
        @Parameters(index = "1", paramLabel = "any|mfa|passkey")
        CredentialType type;

        @Override
        String attribute() {
            return "credential_type_minimum";
        }

        @Override
        String value() {
            return type.name();
        }
    }

    @Command(name = "password-minimum-length", description = "The shortest password members may set.")
    static final class PasswordMinimumLength extends PolicySet {
        @Parameters(index = "1", paramLabel = "LENGTH")
        int length;

        @Override
        String attribute() {
            return "auth_password_minimum_length";
        }

        @Override
        String value() {
            return Integer.toString(length);
        }
    }

    @Command(name = "password-minimum-classes", description = "How many of lower, upper, digit and other a member's password needs.")
    static final class PasswordMinimumClasses extends PolicySet {
        @Parameters(index = "1", paramLabel = "CLASSES")
        int classes;

        @Override
        String attribute() {
            return "auth_password_minimum_classes";
        }

        @Override
        String value() {
            return Integer.toString(classes);
        }
    }

    @Command(name = "password-history", description = "How many earlier passwords a member may not set again.")
    static final class PasswordHistory extends PolicySet {
        @Parameters(index = "1", paramLabel = "COUNT")
        int count;

        @Override
        String attribute() {
            return "auth_password_history";
        }

        @Override
        String value() {
            return Integer.toString(count);
        }
    }

    @Command(name = "reset-credential-type-minimum", description = "Remove the group's credential type minimum.")
    static final class ResetCredentialTypeMinimum extends PolicyReset {
        @Override
        String attribute() {
            return "credential_type_minimum";
        }
    }

    @Command(name = "reset-password-minimum-length", description = "Remove the group's password minimum length.")
    static final class ResetPasswordMinimumLength extends PolicyReset {
        @Override
        String attribute() {
            return "auth_password_minimum_length";
        }
    }

    @Command(name = "reset-password-minimum-classes", description = "Remove the group's password character classes minimum.")
    static final class ResetPasswordMinimumClasses extends PolicyReset {
        @Override
        String attribute() {
            return "auth_password_minimum_classes";
        }
    }

    @Command(name = "reset-password-history", description = "Remove the group's password history length.")
    static final class ResetPasswordHistory extends PolicyReset {
        @Override
        String attribute() {
            return "auth_password_history";
        }
    }
}
