package dev.signet.access;

import dev.signet.model.EntryKind;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The groups that carry rights, created on first boot with fixed UUIDs so every node and every
 * installation agrees on them. Rights flow through memberof: {@code system_admins} is a member of
 * {@code idm_admins}, which is a member of each kind's admin group and of the private readers.
 */
public enum BuiltinGroup {
    SYSTEM_ADMINS("system_admins", 0x01, "Everything, including server configuration and the audit trail"),
    IDM_ADMINS("idm_admins", 0x02, "Manage people, groups and service accounts"),
    IDM_PEOPLE_ADMINS("idm_people_admins", 0x03, "Manage people"),
    IDM_GROUP_ADMINS("idm_group_admins", 0x04, "Manage groups"),
    IDM_SERVICE_ACCOUNT_ADMINS("idm_service_account_admins", 0x05, "Manage service accounts"),
    IDM_OAUTH2_ADMINS("idm_oauth2_admins", 0x06, "Manage OAuth2 clients"),
    IDM_RADIUS_SERVERS("idm_radius_servers", 0x07, "RADIUS servers that may read RADIUS secrets"),
    IDM_ACCOUNT_READ_PRIV("idm_account_read_priv", 0x08, "Read every non-secret attribute of every account"),
    IDM_RADIUS_ADMINS("idm_radius_admins", 0x09, "Manage RADIUS clients (network devices)");

    private final String groupName;
    private final UUID uuid;
    private final String description;

    BuiltinGroup(String groupName, int number, String description) {
        this.groupName = groupName;
        this.uuid = new UUID(0L, 0x0000_5167_0000_0000L | number);
        this.description = description;
    }

    public String groupName() {
        return groupName;
    }

    public UUID uuid() {
        return uuid;
    }

    public String description() {
        return description;
    }

    /** The groups this one is a direct member of, so its members inherit their rights. */
    public List<BuiltinGroup> memberOf() {
        return switch (this) {
            case SYSTEM_ADMINS -> List.of(IDM_ADMINS);
            case IDM_ADMINS -> List.of(IDM_PEOPLE_ADMINS, IDM_GROUP_ADMINS, IDM_SERVICE_ACCOUNT_ADMINS,
                    IDM_OAUTH2_ADMINS, IDM_ACCOUNT_READ_PRIV, IDM_RADIUS_ADMINS);
            default -> List.of();
        };
    }

    /** The group whose members administer entries of {@code kind}. */
    public static BuiltinGroup adminsOf(EntryKind kind) {
        return switch (kind) {
            case PERSON -> IDM_PEOPLE_ADMINS;
            case GROUP -> IDM_GROUP_ADMINS;
            case SERVICE_ACCOUNT -> IDM_SERVICE_ACCOUNT_ADMINS;
        };
    }

    /**
     * The rights held by an entry that is, or is a member of, these UUIDs: every built-in group
     * among them, and what {@code idm_admins} and {@code system_admins} hold in effect because
     * they manage the built-in groups below them (an idm admin may add itself to
     * {@code idm_radius_servers}, so it holds that right already). Comparing two such sets says
     * whether one entry is at least as privileged as another.
     */
    public static Set<BuiltinGroup> rightsOf(Collection<UUID> groups) {
        Set<BuiltinGroup> rights = EnumSet.noneOf(BuiltinGroup.class);
        for (UUID uuid : groups) {
            of(uuid).ifPresent(rights::add);
        }
        if (rights.contains(SYSTEM_ADMINS)) {
            return EnumSet.allOf(BuiltinGroup.class);
        }
        if (rights.contains(IDM_ADMINS)) {
            rights.addAll(EnumSet.complementOf(EnumSet.of(SYSTEM_ADMINS)));
        }
        return rights;
    }

    public static Optional<BuiltinGroup> of(UUID uuid) {
        return Arrays.stream(values()).filter(g -> g.uuid.equals(uuid)).findFirst();
    }
}
