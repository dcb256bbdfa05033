package dev.signet.access;

import java.util.Set;
import java.util.UUID;

/**
 * Who is asking: an authenticated account with its transitive memberships, or nobody.
 *
 * @param uuid the account's UUID, null when anonymous
 * @param name the account's name, "anonymous" when anonymous
 * @param memberOf the account's transitive group memberships
 * @param readWrite whether the caller's session may change things now (within its privilege
 *                  window after a login or reauthentication); read-only otherwise
 * @param credentialUpdate whether the session came from a credential reset intent: it may change
 *                  the account's own credentials and nothing else
 */
public record Caller(UUID uuid, String name, Set<UUID> memberOf, boolean readWrite, boolean credentialUpdate) {
    public static final Caller ANONYMOUS = new Caller(null, "anonymous", Set.of(), false, false);
    /** Signet acting on its own behalf (first boot, the recovery command, timers). */
    public static final Caller SYSTEM = new Caller(new UUID(0L, 0x0000_5167_0000_FFFFL), "signet", Set.of(
            BuiltinGroup.SYSTEM_ADMINS.uuid(), BuiltinGroup.IDM_ADMINS.uuid(), BuiltinGroup.IDM_PEOPLE_ADMINS.uuid(),
            BuiltinGroup.IDM_GROUP_ADMINS.uuid(), BuiltinGroup.IDM_SERVICE_ACCOUNT_ADMINS.uuid(),
            BuiltinGroup.IDM_ACCOUNT_READ_PRIV.uuid()), true, false);

    public Caller {
        memberOf = Set.copyOf(memberOf);
    }

    public boolean anonymous() {
        return uuid == null;
    }

    public boolean in(BuiltinGroup group) {
        return memberOf.contains(group.uuid());
    }

    public boolean is(UUID entry) {
        return uuid != null && uuid.equals(entry);
    }
}
