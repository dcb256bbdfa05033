package dev.signet.access;

import dev.signet.fault.AccessDenied;
import dev.signet.fault.EntryNotFound;
import dev.signet.fault.NotAuthenticated;
import dev.signet.model.Entry;
import dev.signet.model.EntryKind;
import dev.signet.model.Group;
import dev.signet.schema.AttributeDefinition;
import dev.signet.schema.Visibility;
import dev.signet.schema.Writer;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Every access decision about entries, in one place, checked by the core on every operation
 * whatever protocol the request came in on.
 *
 * <p>Privileged entries are protected from lesser and lateral admins: an entry that holds rights
 * (a direct or transitive member of a built-in group, or a built-in group itself) can only be
 * changed by a caller whose rights include all of its rights ({@link #atLeastAsPrivileged}), so
 * a people admin cannot take over an OAuth2 admin, or an idm admin, by resetting its password.
 */
public final class AccessControl {
    private AccessControl() {
    }

    /** Reading the directory needs an authenticated caller. */
    /** Changes need a session within its privilege window (Kanidm's read-write session). */
    public static void requireReadWrite(Caller caller) {
        requireAuthenticated(caller);
        if (caller.credentialUpdate()) {
            // reauthenticating would not help: a reset intent's session is for its credentials only
            throw new AccessDenied("this session may only change credentials");
        }
        if (!caller.readWrite()) {
            throw new AccessDenied("this session is read-only: reauthenticate (POST /v1/reauth) to make changes");
        }
    }

    public static void requireAuthenticated(Caller caller) {
        if (caller.anonymous()) {
            throw new NotAuthenticated("authentication required");
        }
    }

    /** Live entries are visible to every authenticated account; recycled ones are not (404). */
    public static void requireVisible(Caller caller, Entry target, String id) {
        requireAuthenticated(caller);
        if (target.recycled()) {
            throw new EntryNotFound(id);
        }
    }

    public static boolean mayRead(Caller caller, Entry target, AttributeDefinition attribute) {
        return attribute.visibility() == Visibility.PUBLIC || mayReadPrivate(caller, target);
    }

    public static boolean mayReadPrivate(Caller caller, Entry target) {
        return caller.is(target.uuid()) || caller.in(BuiltinGroup.IDM_ACCOUNT_READ_PRIV) || administers(caller, target);
    }

    public static void requireCreate(Caller caller, EntryKind kind) {
        requireAuthenticated(caller);
        if (!caller.in(BuiltinGroup.adminsOf(kind))) {
            throw new AccessDenied("creating a " + kind.restName() + " needs " + BuiltinGroup.adminsOf(kind).groupName());
        }
        requireReadWrite(caller);
    }

    public static void requireWrite(Caller caller, Entry target, AttributeDefinition attribute) {
        requireAuthenticated(caller);
        boolean allowed = switch (attribute.writer()) {
            case SYSTEM -> false;
            case ADMIN -> administers(caller, target);
            case SELF_OR_ADMIN -> caller.is(target.uuid()) || administers(caller, target);
        };
        if (!allowed) {
            throw new AccessDenied(attribute.writer() == Writer.SYSTEM
                    ? attribute.name() + " is maintained by Signet"
                    : "may not change " + attribute.name() + " of " + target.name());
        }
        requireReadWrite(caller);
    }

    /** Delete, lock, make POSIX: the admins of the kind, subject to privilege protection. */
    public static void requireAdminister(Caller caller, Entry target, String action) {
        requireAuthenticated(caller);
        if (!administers(caller, target)) {
            throw new AccessDenied("may not " + action + " " + target.name());
        }
        requireReadWrite(caller);
    }

    public static void requireSetPassword(Caller caller, Entry target) {
        requireAuthenticated(caller);
        if (caller.is(target.uuid())) {
            requireOwnCredentialChange(caller);
            return;
        }
        if (!administers(caller, target)) {
            throw new AccessDenied("may not set the password of " + target.name());
        }
        requireReadWrite(caller);
    }

    /** One's own credentials: from a read-write session, or a session opened by a reset intent. */
    public static void requireOwnCredentialChange(Caller caller) {
        requireAuthenticated(caller);
        if (!caller.credentialUpdate()) {
            requireReadWrite(caller);
        }
    }

    /** An operation reserved to one built-in group's members; {@code what} names it in the refusal. */
    public static void requireMember(Caller caller, BuiltinGroup group, String what) {
        requireAuthenticated(caller);
        if (!caller.in(group)) {
            throw new AccessDenied(what + " need " + group.groupName());
        }
    }

    public static void requireRecycleBin(Caller caller) {
        requireAuthenticated(caller);
        if (!caller.in(BuiltinGroup.IDM_ADMINS)) {
            throw new AccessDenied("the recycle bin needs idm_admins");
        }
    }

    public static void requireAudit(Caller caller) {
        requireAuthenticated(caller);
        if (!caller.in(BuiltinGroup.SYSTEM_ADMINS)) {
            throw new AccessDenied("the audit trail needs system_admins");
        }
    }

    /** Whether the caller administers this entry: right kind of admin, and at least as privileged as it. */
    public static boolean administers(Caller caller, Entry target) {
        return caller.in(BuiltinGroup.adminsOf(target.kind())) && atLeastAsPrivileged(caller, target);
    }

    /**
     * Whether the caller holds every right {@code target} holds: the built-in groups it is a
     * direct or transitive member of, and, when it is itself a built-in group, the rights it gives
     * its members. Without this, admin roles are one role: a people admin who may reset an OAuth2
     * admin's password (or lock them, or change their groups) can act as them. A built-in group is
     * moreover changed only by the group that manages it.
     */
    public static boolean atLeastAsPrivileged(Caller caller, Entry target) {
        if (BuiltinGroup.of(target.uuid()).filter(g -> !caller.in(managerOf(g))).isPresent()) {
            return false;
        }
        Set<UUID> held = new HashSet<>(target.memberOf());
        held.add(target.uuid());
        return BuiltinGroup.rightsOf(caller.memberOf()).containsAll(BuiltinGroup.rightsOf(held));
    }

    /**
     * Adding {@code member} to a group or removing it changes the member's memberships (and what
     * they give it), so the caller must be at least as privileged as the member.
     */
    public static void requireMembershipChange(Caller caller, Entry member) {
        if (!atLeastAsPrivileged(caller, member)) {
            throw new AccessDenied("may not change the group memberships of " + member.name());
        }
    }

    /**
     * An account policy tightens how accounts log in, so setting one on a group, or putting an
     * entry into a group that a policy reaches, needs the right to administer every entry the
     * policy then reaches: a group admin must not lock out accounts it has no say over.
     *
     * @param reached the entries the policy of {@code group} reaches through this change
     */
    public static void requireAccountPolicy(Caller caller, Group group, Collection<? extends Entry> reached) {
        for (Entry affected : reached) {
            if (!administers(caller, affected)) {
                throw new AccessDenied("the account policy of " + group.name() + " would reach " + affected.name()
                        + ", whom the caller does not administer");
            }
        }
    }

    /** The group whose members may change a built-in group (its members, its attributes). */
    private static BuiltinGroup managerOf(BuiltinGroup group) {
        return group == BuiltinGroup.SYSTEM_ADMINS || group == BuiltinGroup.IDM_ADMINS ? BuiltinGroup.SYSTEM_ADMINS : BuiltinGroup.IDM_ADMINS;
    }
}
