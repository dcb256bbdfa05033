package dev.signet.schema;

import static dev.signet.model.EntryKind.GROUP;
import static dev.signet.model.EntryKind.PERSON;
import static dev.signet.model.EntryKind.SERVICE_ACCOUNT;

import dev.signet.fault.InvalidInput;
import dev.signet.model.EntryKind;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The attribute registry: every attribute an entry can have, declared here once. REST maps
 * through it today; LDAP, SCIM and sync map through it as they arrive.
 */
public final class Schema {
    public static final String UUID = "uuid";
    public static final String NAME = "name";
    public static final String SPN = "spn";
    public static final String CLASS = "class";
    public static final String DISPLAYNAME = "displayname";
    public static final String DESCRIPTION = "description";
    public static final String LEGALNAME = "legalname";
    public static final String MAIL = "mail";
    public static final String SSH_PUBLICKEY = "ssh_publickey";
    public static final String ACCOUNT_VALID_FROM = "account_valid_from";
    public static final String ACCOUNT_EXPIRE = "account_expire";
    public static final String LOCKED = "locked";
    public static final String LOCK_REASON = "lock_reason";
    public static final String MEMBER = "member";
    public static final String MEMBEROF = "memberof";
    public static final String DIRECTMEMBEROF = "directmemberof";
    public static final String GIDNUMBER = "gidnumber";
    public static final String UIDNUMBER = "uidnumber";
    public static final String LOGINSHELL = "loginshell";
    public static final String HOMEDIRECTORY = "homedirectory";
    public static final String CREATED_AT = "created_at";
    public static final String MODIFIED_AT = "modified_at";
    public static final String SYNC_PARENT = "sync_parent_uuid";
    public static final String PASSWORD_MINIMUM_LENGTH = "auth_password_minimum_length";
    public static final String PASSWORD_MINIMUM_CLASSES = "auth_password_minimum_classes";
    public static final String PASSWORD_HISTORY = "auth_password_history";
    public static final String CREDENTIAL_TYPE_MINIMUM = "credential_type_minimum";
    /** The VLAN (1-4094) a group's members are put on by RADIUS (Tunnel-Private-Group-Id). */
    public static final String RADIUS_VLAN = "radius_vlan";
    /** Extra RADIUS reply attributes for a group's members, {@code Name=value}. */
    public static final String RADIUS_REPLY_ATTRIBUTE = "radius_reply_attribute";
    /** A group's RADIUS reply values: more than a device ever needs for one login. */
    static final int MAX_RADIUS_REPLY_ATTRIBUTES = 32;
    /** A group's account policy: it changes how its members may log in, so who may set it is checked against them. */
    public static final Set<String> ACCOUNT_POLICY = Set.of(PASSWORD_MINIMUM_LENGTH, PASSWORD_MINIMUM_CLASSES, PASSWORD_HISTORY,
            CREDENTIAL_TYPE_MINIMUM);

    private static final Set<EntryKind> ALL = EnumSet.allOf(EntryKind.class);
    private static final Set<EntryKind> ACCOUNTS = EnumSet.of(PERSON, SERVICE_ACCOUNT);
    private static final Map<String, AttributeDefinition> BY_NAME = new LinkedHashMap<>();
    /**
     * Far more than anyone has (a person's addresses, a person's keys), and a bound on the rows one
     * request can make an entry carry: without it 10,000 addresses were each checked and stored.
     */
    static final int MAX_MAIL = 100;
    static final int MAX_SSH_PUBLICKEYS = 100;

    static {
        define(UUID, "entryUUID", Syntax.SYSTEM, false, true, true, Visibility.PUBLIC, Writer.SYSTEM, ALL, false);
        define(NAME, "name", Syntax.INAME, false, true, true, Visibility.PUBLIC, Writer.ADMIN, ALL, true);
        define(SPN, "spn", Syntax.SYSTEM, false, true, true, Visibility.PUBLIC, Writer.SYSTEM, ALL, false);
        define(CLASS, "objectClass", Syntax.SYSTEM, true, false, true, Visibility.PUBLIC, Writer.SYSTEM, ALL, false);
        define(DISPLAYNAME, "displayName", Syntax.UTF8, false, false, true, Visibility.PUBLIC, Writer.SELF_OR_ADMIN, ALL, true);
        define(DESCRIPTION, "description", Syntax.UTF8, false, false, false, Visibility.PUBLIC, Writer.ADMIN, ALL, true);
        define(LEGALNAME, "legalName", Syntax.UTF8, false, false, false, Visibility.PRIVATE, Writer.SELF_OR_ADMIN, EnumSet.of(PERSON), true);
        define(MAIL, "mail", Syntax.EMAIL, true, true, true, Visibility.PRIVATE, Writer.ADMIN, ALL, true, MAX_MAIL);
        define(SSH_PUBLICKEY, "sshPublicKey", Syntax.SSH_PUBLIC_KEY, true, false, false, Visibility.PUBLIC, Writer.SELF_OR_ADMIN, ACCOUNTS, true,
                MAX_SSH_PUBLICKEYS);
        define(ACCOUNT_VALID_FROM, "accountValidFrom", Syntax.DATETIME, false, false, false, Visibility.PRIVATE, Writer.ADMIN, ACCOUNTS, true);
        define(ACCOUNT_EXPIRE, "accountExpire", Syntax.DATETIME, false, false, false, Visibility.PRIVATE, Writer.ADMIN, ACCOUNTS, true);
        define(LOCKED, "accountLocked", Syntax.SYSTEM, false, false, false, Visibility.PRIVATE, Writer.SYSTEM, ACCOUNTS, false);
        define(LOCK_REASON, "accountLockReason", Syntax.SYSTEM, false, false, false, Visibility.PRIVATE, Writer.SYSTEM, ACCOUNTS, false);
        define(MEMBER, "member", Syntax.REFERENCE, true, false, true, Visibility.PUBLIC, Writer.ADMIN, EnumSet.of(GROUP), true);
        define(MEMBEROF, "memberOf", Syntax.SYSTEM, true, false, true, Visibility.PUBLIC, Writer.SYSTEM, ALL, false);
        define(DIRECTMEMBEROF, "directMemberOf", Syntax.SYSTEM, true, false, false, Visibility.PUBLIC, Writer.SYSTEM, ALL, false);
        define(GIDNUMBER, "gidNumber", Syntax.SYSTEM, false, true, true, Visibility.PUBLIC, Writer.SYSTEM, ALL, true);
        define(UIDNUMBER, "uidNumber", Syntax.SYSTEM, false, true, true, Visibility.PUBLIC, Writer.SYSTEM, ACCOUNTS, false);
        define(LOGINSHELL, "loginShell", Syntax.UTF8, false, false, false, Visibility.PUBLIC, Writer.SELF_OR_ADMIN, ACCOUNTS, true);
        define(HOMEDIRECTORY, "homeDirectory", Syntax.SYSTEM, false, false, false, Visibility.PUBLIC, Writer.SYSTEM, ACCOUNTS, false);
        define(CREATED_AT, "createTimestamp", Syntax.SYSTEM, false, false, false, Visibility.PUBLIC, Writer.SYSTEM, ALL, false);
        define(MODIFIED_AT, "modifyTimestamp", Syntax.SYSTEM, false, false, false, Visibility.PUBLIC, Writer.SYSTEM, ALL, false);
        define(PASSWORD_MINIMUM_LENGTH, "authPasswordMinimumLength", Syntax.INTEGER, false, false, false, Visibility.PUBLIC, Writer.ADMIN, EnumSet.of(GROUP), false);
        define(PASSWORD_MINIMUM_CLASSES, "authPasswordMinimumClasses", Syntax.INTEGER, false, false, false, Visibility.PUBLIC, Writer.ADMIN, EnumSet.of(GROUP), false);
        define(PASSWORD_HISTORY, "authPasswordHistory", Syntax.INTEGER, false, false, false, Visibility.PUBLIC, Writer.ADMIN, EnumSet.of(GROUP), false);
        define(CREDENTIAL_TYPE_MINIMUM, "credentialTypeMinimum", Syntax.UTF8, false, false, false, Visibility.PUBLIC, Writer.ADMIN, EnumSet.of(GROUP), false);
        define(RADIUS_VLAN, "radiusVlan", Syntax.INTEGER, false, false, false, Visibility.PUBLIC, Writer.ADMIN, EnumSet.of(GROUP), false);
        define(RADIUS_REPLY_ATTRIBUTE, "radiusReplyAttribute", Syntax.RADIUS_REPLY_ATTRIBUTE, true, false, false, Visibility.PUBLIC,
                Writer.ADMIN, EnumSet.of(GROUP), false, MAX_RADIUS_REPLY_ATTRIBUTES);
        define(SYNC_PARENT, "syncParentUuid", Syntax.SYSTEM, false, false, false, Visibility.PRIVATE, Writer.SYSTEM, ALL, false);
    }

    private Schema() {
    }

    /** Multi-valued attributes without a bound of their own: group members (a group may hold everyone), computed ones. */
    private static void define(String name, String ldapName, Syntax syntax, boolean multi, boolean unique, boolean indexed,
                               Visibility visibility, Writer writer, Set<EntryKind> kinds, boolean syncOwned) {
        define(name, ldapName, syntax, multi, unique, indexed, visibility, writer, kinds, syncOwned, multi ? Integer.MAX_VALUE : 1);
    }

    private static void define(String name, String ldapName, Syntax syntax, boolean multi, boolean unique, boolean indexed,
                               Visibility visibility, Writer writer, Set<EntryKind> kinds, boolean syncOwned, int maxValues) {
        BY_NAME.put(name, new AttributeDefinition(name, ldapName, syntax, multi, unique, indexed, visibility, writer, kinds, syncOwned,
                maxValues));
    }

    public static Optional<AttributeDefinition> find(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /** The definition of an attribute that {@code kind} carries, or 400 naming the attribute. */
    public static AttributeDefinition require(String name, EntryKind kind) {
        AttributeDefinition def = find(name).orElseThrow(() -> new InvalidInput(name, "unknown attribute: " + name));
        if (!def.appliesTo(kind)) {
            throw new InvalidInput(name, "attribute " + name + " does not apply to a " + kind.restName());
        }
        return def;
    }

    public static Collection<AttributeDefinition> all() {
        return BY_NAME.values();
    }

    /** Every attribute's name. */
    public static Set<String> names() {
        return java.util.Collections.unmodifiableSet(BY_NAME.keySet());
    }
}
