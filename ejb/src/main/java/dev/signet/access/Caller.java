package dev.signet.access;

import java.util.Set;
import java.util.UUID;

/**
 * Who is asking: an authenticated account with its transitive memberships, or nobody.
 *
 * @param uuid the account's UUID, null when anonymous
 * @param name the account's name, "anonymous" when anonymous
 * @param memberOf the account's transitive group memberships
 */
public record Caller(UUID uuid, String name, Set<UUID> memberOf) {
    public static final Caller ANONYMOUS = new Caller(null, "anonymous", Set.of());
    /** Signet acting on its own behalf (first boot, the recovery command, timers). */
    public static final Caller SYSTEM = new Caller(new UUID(0L, 0x0000_5167_0000_FFFFL), "signet", Set.of(
            BuiltinGroup.SYSTEM_ADMINS.uuid(), BuiltinGroup.IDM_ADMINS.uuid(), BuiltinGroup.IDM_PEOPLE_ADMINS.uuid(),
            BuiltinGroup.IDM_GROUP_ADMINS.uuid(), BuiltinGroup.IDM_SERVICE_ACCOUNT_ADMINS.uuid(),
            BuiltinGroup.IDM_ACCOUNT_READ_PRIV.uuid()));

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
