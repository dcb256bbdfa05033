package dev.signet.access;

/**
 * The parts of the administration console, each open to the members of the built-in group whose
 * members the core lets do that work (so the menu shows what the core would allow anyway).
 */
public enum AdminArea {
    PEOPLE(BuiltinGroup.IDM_PEOPLE_ADMINS),
    GROUPS(BuiltinGroup.IDM_GROUP_ADMINS),
    SERVICE_ACCOUNTS(BuiltinGroup.IDM_SERVICE_ACCOUNT_ADMINS),
    OAUTH2_CLIENTS(BuiltinGroup.IDM_OAUTH2_ADMINS),
    SYNC_ACCOUNTS(BuiltinGroup.IDM_ADMINS),
    RADIUS_CLIENTS(BuiltinGroup.IDM_RADIUS_ADMINS),
    RECYCLE_BIN(BuiltinGroup.IDM_ADMINS),
    AUDIT(BuiltinGroup.SYSTEM_ADMINS);

    private final BuiltinGroup group;

    AdminArea(BuiltinGroup group) {
        this.group = group;
    }

    public boolean openTo(Caller caller) {
        return caller.in(group);
    }
}
