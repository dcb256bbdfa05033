package dev.signet.access;

import java.util.UUID;

/**
 * The break-glass accounts first boot creates, by UUID: {@code admin} (in system_admins) and
 * {@code idm_admin} (in idm_admins). They keep their password login whatever any group's
 * account policy says, so an operator can always get in.
 */
public final class BuiltinAccount {
    public static final UUID ADMIN = new UUID(0L, 0x0000_5167_0000_0100L);
    public static final UUID IDM_ADMIN = new UUID(0L, 0x0000_5167_0000_0101L);

    private BuiltinAccount() {
    }

    public static boolean isBreakGlass(UUID account) {
        return ADMIN.equals(account) || IDM_ADMIN.equals(account);
    }
}
