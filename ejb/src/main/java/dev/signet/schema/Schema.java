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
 * The attribute registry: every attribute an entry can have, declared here once with everything
 * the protocols need to know of it (its LDAP names, who may read and write it, its bounds, where
 * it is stored and how filters compare it, how LDAP writes it, where a sync source keeps it).
 * REST, LDAP, SCIM and sync map through it; none of them keeps a list of attribute names.
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

    private static final Set<EntryKind> ACCOUNTS = EnumSet.of(PERSON, SERVICE_ACCOUNT);
    private static final Map<String, AttributeDefinition> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, AttributeDefinition> BY_LDAP_NAME = new java.util.HashMap<>();
    /**
     * Far more than anyone has (a person's addresses, a person's keys), and a bound on the rows one
     * request can make an entry carry: without it 10,000 addresses were each checked and stored.
     */
    static final int MAX_MAIL = 100;
    static final int MAX_SSH_PUBLICKEYS = 100;

    static {
        define(attribute(UUID).ldap("entryUUID").syntax(Syntax.SYSTEM).unique().indexed()
                .stored(Storage.column("uuid"), Match.UUID));
        define(attribute(NAME).ldap("name", "uid", "cn").syntax(Syntax.INAME).unique().indexed().writer(Writer.ADMIN).syncOwned()
                .stored(Storage.column("liveName"), Match.LOWER_CASE).importedFrom("uid"));
        define(attribute(SPN).ldap("spn").syntax(Syntax.SYSTEM).unique().indexed());
        define(attribute(CLASS).ldap("objectClass").syntax(Syntax.SYSTEM).multiValued().indexed().ldapForm(LdapForm.NOT_SERVED));
        define(attribute(DISPLAYNAME).ldap("displayName", "gecos").syntax(Syntax.UTF8).indexed().writer(Writer.SELF_OR_ADMIN).syncOwned()
                .stored(Storage.column("displayname"), Match.IGNORE_CASE).importedFrom("displayName"));
        define(attribute(DESCRIPTION).ldap("description").syntax(Syntax.UTF8).writer(Writer.ADMIN).syncOwned()
                .stored(Storage.column("description")));
        define(attribute(LEGALNAME).ldap("legalName").syntax(Syntax.UTF8).visibility(Visibility.PRIVATE).writer(Writer.SELF_OR_ADMIN)
                .kinds(EnumSet.of(PERSON)).syncOwned());
        define(attribute(MAIL).ldap("mail").syntax(Syntax.EMAIL).multiValued(MAX_MAIL).unique().indexed().visibility(Visibility.PRIVATE)
                .writer(Writer.ADMIN).syncOwned().stored(Storage.collection("mail"), Match.LOWER_CASE).importedFrom("mail"));
        define(attribute(SSH_PUBLICKEY).ldap("sshPublicKey").syntax(Syntax.SSH_PUBLIC_KEY).multiValued(MAX_SSH_PUBLICKEYS)
                .writer(Writer.SELF_OR_ADMIN).kinds(ACCOUNTS).syncOwned().ldapForm(LdapForm.SSH_KEY).importedFrom("sshPublicKey"));
        define(attribute(ACCOUNT_VALID_FROM).ldap("accountValidFrom").syntax(Syntax.DATETIME).visibility(Visibility.PRIVATE)
                .writer(Writer.ADMIN).kinds(ACCOUNTS).syncOwned().ldapForm(LdapForm.GENERALIZED_TIME));
        define(attribute(ACCOUNT_EXPIRE).ldap("accountExpire").syntax(Syntax.DATETIME).visibility(Visibility.PRIVATE)
                .writer(Writer.ADMIN).kinds(ACCOUNTS).syncOwned().ldapForm(LdapForm.GENERALIZED_TIME));
        define(attribute(LOCKED).ldap("accountLocked").syntax(Syntax.SYSTEM).visibility(Visibility.PRIVATE).kinds(ACCOUNTS)
                .ldapForm(LdapForm.BOOLEAN));
        define(attribute(LOCK_REASON).ldap("accountLockReason").syntax(Syntax.SYSTEM).visibility(Visibility.PRIVATE).kinds(ACCOUNTS));
        define(attribute(MEMBER).ldap("member", "uniqueMember").syntax(Syntax.REFERENCE).multiValued().indexed().writer(Writer.ADMIN)
                .kinds(EnumSet.of(GROUP)).syncOwned().stored(Storage.subtypeCollection("members"), Match.REFERENCE).ldapForm(LdapForm.DN)
                .importedFrom("member"));
        define(attribute(MEMBEROF).ldap("memberOf").syntax(Syntax.SYSTEM).multiValued().indexed()
                .stored(Storage.collection("memberOf"), Match.REFERENCE).ldapForm(LdapForm.DN));
        define(attribute(DIRECTMEMBEROF).ldap("directMemberOf").syntax(Syntax.SYSTEM).multiValued().ldapForm(LdapForm.DN));
        define(attribute(GIDNUMBER).ldap("gidNumber").syntax(Syntax.SYSTEM).unique().indexed().syncOwned()
                .stored(Storage.column("gidnumber"), Match.INTEGER).importedFrom("gidNumber"));
        // an account's uid number is its gid number (Kanidm's model: one POSIX id for the account and its personal group)
        define(attribute(UIDNUMBER).ldap("uidNumber").syntax(Syntax.SYSTEM).unique().indexed().kinds(ACCOUNTS)
                .stored(Storage.column("gidnumber"), Match.INTEGER).importedFrom("uidNumber"));
        define(attribute(LOGINSHELL).ldap("loginShell").syntax(Syntax.UTF8).writer(Writer.SELF_OR_ADMIN).kinds(ACCOUNTS).syncOwned()
                .stored(Storage.subtypeColumn("loginshell"), Match.EXACT).importedFrom("loginShell"));
        define(attribute(HOMEDIRECTORY).ldap("homeDirectory").syntax(Syntax.SYSTEM).kinds(ACCOUNTS));
        define(attribute(CREATED_AT).ldap("createTimestamp").syntax(Syntax.SYSTEM).ldapForm(LdapForm.GENERALIZED_TIME));
        define(attribute(MODIFIED_AT).ldap("modifyTimestamp").syntax(Syntax.SYSTEM).ldapForm(LdapForm.GENERALIZED_TIME));
        define(attribute(PASSWORD_MINIMUM_LENGTH).ldap("authPasswordMinimumLength").syntax(Syntax.INTEGER).writer(Writer.ADMIN)
                .kinds(EnumSet.of(GROUP)).bounds(8, 128));
        define(attribute(PASSWORD_MINIMUM_CLASSES).ldap("authPasswordMinimumClasses").syntax(Syntax.INTEGER).writer(Writer.ADMIN)
                .kinds(EnumSet.of(GROUP)).bounds(0, 4));
        define(attribute(PASSWORD_HISTORY).ldap("authPasswordHistory").syntax(Syntax.INTEGER).writer(Writer.ADMIN)
                .kinds(EnumSet.of(GROUP)).bounds(0, 64));
        define(attribute(CREDENTIAL_TYPE_MINIMUM).ldap("credentialTypeMinimum").syntax(Syntax.UTF8).writer(Writer.ADMIN)
                .kinds(EnumSet.of(GROUP)));
        define(attribute(RADIUS_VLAN).ldap("radiusVlan").syntax(Syntax.INTEGER).writer(Writer.ADMIN).kinds(EnumSet.of(GROUP))
                .bounds(1, 4094));
        define(attribute(RADIUS_REPLY_ATTRIBUTE).ldap("radiusReplyAttribute").syntax(Syntax.RADIUS_REPLY_ATTRIBUTE)
                .multiValued(MAX_RADIUS_REPLY_ATTRIBUTES).writer(Writer.ADMIN).kinds(EnumSet.of(GROUP)));
        define(attribute(SYNC_PARENT).ldap("syncParentUuid").syntax(Syntax.SYSTEM).visibility(Visibility.PRIVATE));
    }

    private Schema() {
    }

    /** A definition to build: its name, then what differs from the defaults (public, system-written, every kind, single-valued). */
    private static AttributeDefinition.Builder attribute(String name) {
        return new AttributeDefinition.Builder(name);
    }

    private static void define(AttributeDefinition.Builder attribute) {
        AttributeDefinition def = attribute.build();
        BY_NAME.put(def.name(), def);
        BY_LDAP_NAME.put(def.ldapName().toLowerCase(java.util.Locale.ROOT), def);
        def.ldapAliases().forEach(alias -> BY_LDAP_NAME.putIfAbsent(alias, def));
    }

    /** The attribute an LDAP attribute type (any case, options such as {@code ;binary} dropped) names, by its LDAP name or an alias. */
    public static Optional<AttributeDefinition> byLdapName(String ldapAttribute) {
        if (ldapAttribute == null) {
            return Optional.empty();
        }
        String type = ldapAttribute.toLowerCase(java.util.Locale.ROOT);
        int options = type.indexOf(';');
        return Optional.ofNullable(BY_LDAP_NAME.get(options < 0 ? type : type.substring(0, options)));
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
