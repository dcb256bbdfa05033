package dev.signet.access;

import dev.signet.fault.AccessDenied;
import dev.signet.fault.EntryNotFound;
import dev.signet.fault.NotAuthenticated;
import dev.signet.model.Entry;
import dev.signet.model.EntryKind;
import dev.signet.schema.AttributeDefinition;
import dev.signet.schema.Visibility;
import dev.signet.schema.Writer;
import java.util.Optional;

/**
 * Every access decision about entries, in one place, checked by the core on every operation
 * whatever protocol the request came in on.
 *
 * <p>Privileged accounts are protected from lesser admins: an entry that is a member of
 * {@code system_admins} can only be changed by system admins, one in {@code idm_admins} only by
 * idm admins, so a people admin cannot take over an admin account by resetting its password.
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

    /** Whether the caller administers this entry: right kind of admin, and privileged enough for it. */
    public static boolean administers(Caller caller, Entry target) {
        if (!caller.in(BuiltinGroup.adminsOf(target.kind()))) {
            return false;
        }
        return protectedBy(target).map(caller::in).orElse(true);
    }

    /** The group a caller must be in to change {@code target}, beyond being an admin of its kind. */
    static Optional<BuiltinGroup> protectedBy(Entry target) {
        Optional<BuiltinGroup> builtin = BuiltinGroup.of(target.uuid());
        if (builtin.isPresent()) {
            return Optional.of(builtin.get() == BuiltinGroup.SYSTEM_ADMINS || builtin.get() == BuiltinGroup.IDM_ADMINS
                    ? BuiltinGroup.SYSTEM_ADMINS : BuiltinGroup.IDM_ADMINS);
        }
        if (target.memberOf().contains(BuiltinGroup.SYSTEM_ADMINS.uuid())) {
            return Optional.of(BuiltinGroup.SYSTEM_ADMINS);
        }
        if (target.memberOf().contains(BuiltinGroup.IDM_ADMINS.uuid())) {
            return Optional.of(BuiltinGroup.IDM_ADMINS);
        }
        return Optional.empty();
    }
}
