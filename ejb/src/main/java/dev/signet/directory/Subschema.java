package dev.signet.directory;

import static dev.signet.directory.LdapAttributeType.operational;
import static dev.signet.directory.LdapAttributeType.subtype;
import static dev.signet.directory.LdapAttributeType.user;
import static dev.signet.directory.MatchingRule.BOOLEAN_MATCH;
import static dev.signet.directory.MatchingRule.CASE_EXACT_IA5_MATCH;
import static dev.signet.directory.MatchingRule.CASE_IGNORE_IA5_MATCH;
import static dev.signet.directory.MatchingRule.CASE_IGNORE_IA5_SUBSTRINGS_MATCH;
import static dev.signet.directory.MatchingRule.CASE_IGNORE_MATCH;
import static dev.signet.directory.MatchingRule.CASE_IGNORE_SUBSTRINGS_MATCH;
import static dev.signet.directory.MatchingRule.DISTINGUISHED_NAME_MATCH;
import static dev.signet.directory.MatchingRule.GENERALIZED_TIME_MATCH;
import static dev.signet.directory.MatchingRule.GENERALIZED_TIME_ORDERING_MATCH;
import static dev.signet.directory.MatchingRule.INTEGER_MATCH;
import static dev.signet.directory.MatchingRule.INTEGER_ORDERING_MATCH;
import static dev.signet.directory.MatchingRule.OBJECT_IDENTIFIER_FIRST_COMPONENT_MATCH;
import static dev.signet.directory.MatchingRule.OBJECT_IDENTIFIER_MATCH;
import static dev.signet.directory.MatchingRule.OCTET_STRING_MATCH;
import static dev.signet.directory.MatchingRule.UUID_MATCH;
import static dev.signet.directory.MatchingRule.UUID_ORDERING_MATCH;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import dev.signet.adapter.ldap.LdapFilter;
import dev.signet.adapter.ldap.LdapSearchResult;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The subschema entry (RFC 4512 4.2) that the root DSE names in {@code subschemaSubentry}: the
 * object classes and attribute types of the entries the gateway serves, so that schema-aware
 * clients (Apache Directory Studio, sssd, the UnboundID SDK) know each attribute's syntax and
 * matching rules. Standard attributes and classes keep their registered OIDs (X.520, RFC 4519,
 * RFC 2798, RFC 2307bis, RFC 4530, openssh-lpk, the memberOf of OpenLDAP's overlay); Signet's own
 * are under {@link #SIGNET_ARC}. The definitions of standard classes list, of their optional
 * attributes, only those Signet serves.
 */
final class Subschema {
    static final String DN = "cn=schema";
    /**
     * Signet's own OID arc: an X.667 UUID OID (2.25 followed by a random UUID as an integer), which
     * needs no registration and collides with no one; attributes under .1, object classes under .2.
     */
    static final String SIGNET_ARC = "2.25.21520675715358438472346138497566370740";
    private static final String ATTRIBUTE = SIGNET_ARC + ".1.";
    private static final String CLASS = SIGNET_ARC + ".2.";
    private static final String DIRECTORY_OPERATION = "directoryOperation";
    private static final String DSA_OPERATION = "dSAOperation";

    private static final LdapAttributeType NAME = user("2.5.4.41", "name", CASE_IGNORE_MATCH, CASE_IGNORE_SUBSTRINGS_MATCH,
            LdapSyntax.DIRECTORY_STRING, false);
    private static final LdapAttributeType DISTINGUISHED_NAME = new LdapAttributeType("2.5.4.49", "distinguishedName", null,
            DISTINGUISHED_NAME_MATCH, null, null, LdapSyntax.DN, false, false, null);

    static final List<LdapAttributeType> ATTRIBUTE_TYPES = List.of(
            user("2.5.4.0", "objectClass", OBJECT_IDENTIFIER_MATCH, null, LdapSyntax.OID, false),
            NAME,
            subtype("2.5.4.3", "cn", NAME),
            subtype("2.5.4.4", "sn", NAME),
            user("0.9.2342.19200300.100.1.1", "uid", CASE_IGNORE_MATCH, CASE_IGNORE_SUBSTRINGS_MATCH, LdapSyntax.DIRECTORY_STRING, false),
            user("2.5.4.13", "description", CASE_IGNORE_MATCH, CASE_IGNORE_SUBSTRINGS_MATCH, LdapSyntax.DIRECTORY_STRING, false),
            user("2.16.840.1.113730.3.1.241", "displayName", CASE_IGNORE_MATCH, CASE_IGNORE_SUBSTRINGS_MATCH, LdapSyntax.DIRECTORY_STRING, true),
            user("0.9.2342.19200300.100.1.3", "mail", CASE_IGNORE_IA5_MATCH, CASE_IGNORE_IA5_SUBSTRINGS_MATCH, LdapSyntax.IA5_STRING, false),
            DISTINGUISHED_NAME,
            subtype("2.5.4.31", "member", DISTINGUISHED_NAME),
            user("1.3.6.1.1.1.1.0", "uidNumber", INTEGER_MATCH, null, LdapSyntax.INTEGER, true),
            user("1.3.6.1.1.1.1.1", "gidNumber", INTEGER_MATCH, null, LdapSyntax.INTEGER, true),
            user("1.3.6.1.1.1.1.2", "gecos", CASE_IGNORE_IA5_MATCH, CASE_IGNORE_IA5_SUBSTRINGS_MATCH, LdapSyntax.IA5_STRING, true),
            user("1.3.6.1.1.1.1.3", "homeDirectory", CASE_EXACT_IA5_MATCH, null, LdapSyntax.IA5_STRING, true),
            user("1.3.6.1.1.1.1.4", "loginShell", CASE_EXACT_IA5_MATCH, null, LdapSyntax.IA5_STRING, true),
            user("1.3.6.1.1.1.1.12", "memberUid", CASE_EXACT_IA5_MATCH, null, LdapSyntax.IA5_STRING, false),
            user("1.3.6.1.4.1.24552.500.1.1.1.13", "sshPublicKey", OCTET_STRING_MATCH, null, LdapSyntax.OCTET_STRING, false),
            operational("1.3.6.1.1.16.4", "entryUUID", UUID_MATCH, UUID_ORDERING_MATCH, LdapSyntax.UUID, true, DIRECTORY_OPERATION),
            operational("2.5.18.1", "createTimestamp", GENERALIZED_TIME_MATCH, GENERALIZED_TIME_ORDERING_MATCH, LdapSyntax.GENERALIZED_TIME,
                    true, DIRECTORY_OPERATION),
            operational("2.5.18.2", "modifyTimestamp", GENERALIZED_TIME_MATCH, GENERALIZED_TIME_ORDERING_MATCH, LdapSyntax.GENERALIZED_TIME,
                    true, DIRECTORY_OPERATION),
            operational("1.2.840.113556.1.2.102", "memberOf", DISTINGUISHED_NAME_MATCH, null, LdapSyntax.DN, false, DSA_OPERATION),
            operational("2.5.18.10", "subschemaSubentry", DISTINGUISHED_NAME_MATCH, null, LdapSyntax.DN, true, DIRECTORY_OPERATION),
            operational("2.5.18.6", "subtreeSpecification", null, null, LdapSyntax.SUBTREE_SPECIFICATION, true, DIRECTORY_OPERATION),
            operational("2.5.21.4", "matchingRules", OBJECT_IDENTIFIER_FIRST_COMPONENT_MATCH, null, LdapSyntax.MATCHING_RULE_DESCRIPTION,
                    false, DIRECTORY_OPERATION),
            operational("2.5.21.5", "attributeTypes", OBJECT_IDENTIFIER_FIRST_COMPONENT_MATCH, null, LdapSyntax.ATTRIBUTE_TYPE_DESCRIPTION,
                    false, DIRECTORY_OPERATION),
            operational("2.5.21.6", "objectClasses", OBJECT_IDENTIFIER_FIRST_COMPONENT_MATCH, null, LdapSyntax.OBJECT_CLASS_DESCRIPTION,
                    false, DIRECTORY_OPERATION),
            operational("1.3.6.1.4.1.1466.101.120.16", "ldapSyntaxes", OBJECT_IDENTIFIER_FIRST_COMPONENT_MATCH, null,
                    LdapSyntax.SYNTAX_DESCRIPTION, false, DIRECTORY_OPERATION),
            // the root DSE's (RFC 4512 5.1, RFC 3045, RFC 3674)
            operational("1.3.6.1.4.1.1466.101.120.5", "namingContexts", null, null, LdapSyntax.DN, false, DSA_OPERATION),
            operational("1.3.6.1.4.1.1466.101.120.7", "supportedExtension", null, null, LdapSyntax.OID, false, DSA_OPERATION),
            operational("1.3.6.1.4.1.1466.101.120.13", "supportedControl", null, null, LdapSyntax.OID, false, DSA_OPERATION),
            operational("1.3.6.1.4.1.1466.101.120.15", "supportedLDAPVersion", null, null, LdapSyntax.INTEGER, false, DSA_OPERATION),
            operational("1.3.6.1.4.1.4203.1.3.5", "supportedFeatures", OBJECT_IDENTIFIER_MATCH, null, LdapSyntax.OID, false, DSA_OPERATION),
            operational("1.3.6.1.1.4", "vendorName", null, null, LdapSyntax.DIRECTORY_STRING, true, DSA_OPERATION),
            // Signet's own
            user(ATTRIBUTE + "1", "spn", CASE_IGNORE_MATCH, null, LdapSyntax.DIRECTORY_STRING, true),
            user(ATTRIBUTE + "2", "legalName", CASE_IGNORE_MATCH, null, LdapSyntax.DIRECTORY_STRING, true),
            user(ATTRIBUTE + "3", "accountValidFrom", GENERALIZED_TIME_MATCH, null, LdapSyntax.GENERALIZED_TIME, true),
            user(ATTRIBUTE + "4", "accountExpire", GENERALIZED_TIME_MATCH, null, LdapSyntax.GENERALIZED_TIME, true),
            operational(ATTRIBUTE + "5", "accountLocked", BOOLEAN_MATCH, null, LdapSyntax.BOOLEAN, true, DIRECTORY_OPERATION),
            operational(ATTRIBUTE + "6", "accountLockReason", null, null, LdapSyntax.DIRECTORY_STRING, true, DIRECTORY_OPERATION),
            operational(ATTRIBUTE + "7", "directMemberOf", DISTINGUISHED_NAME_MATCH, null, LdapSyntax.DN, false, DSA_OPERATION),
            operational(ATTRIBUTE + "8", "syncParentUuid", UUID_MATCH, null, LdapSyntax.UUID, true, DIRECTORY_OPERATION),
            user(ATTRIBUTE + "9", "authPasswordMinimumLength", INTEGER_MATCH, INTEGER_ORDERING_MATCH, LdapSyntax.INTEGER, true),
            user(ATTRIBUTE + "10", "authPasswordMinimumClasses", INTEGER_MATCH, INTEGER_ORDERING_MATCH, LdapSyntax.INTEGER, true),
            user(ATTRIBUTE + "11", "authPasswordHistory", INTEGER_MATCH, INTEGER_ORDERING_MATCH, LdapSyntax.INTEGER, true),
            user(ATTRIBUTE + "12", "credentialTypeMinimum", CASE_IGNORE_MATCH, null, LdapSyntax.DIRECTORY_STRING, true),
            user(ATTRIBUTE + "13", "radiusVlan", INTEGER_MATCH, null, LdapSyntax.INTEGER, true),
            user(ATTRIBUTE + "14", "radiusReplyAttribute", CASE_IGNORE_MATCH, null, LdapSyntax.DIRECTORY_STRING, false));

    private static final List<String> ENTRY = List.of("name", "spn", "description", "syncParentUuid");
    private static final List<String> ACCOUNT = List.of("legalName", "sshPublicKey", "accountValidFrom", "accountExpire",
            "accountLocked", "accountLockReason");

    static final List<LdapObjectClass> OBJECT_CLASSES = List.of(
            new LdapObjectClass("2.5.6.0", "top", null, "ABSTRACT", List.of("objectClass"), List.of()),
            new LdapObjectClass("2.5.6.6", "person", "top", "STRUCTURAL", List.of("sn", "cn"), List.of("description")),
            new LdapObjectClass("2.5.6.7", "organizationalPerson", "person", "STRUCTURAL", List.of(), List.of()),
            new LdapObjectClass("2.16.840.1.113730.3.2.2", "inetOrgPerson", "organizationalPerson", "STRUCTURAL", List.of(),
                    List.of("displayName", "mail", "uid")),
            new LdapObjectClass("0.9.2342.19200300.100.4.5", "account", "top", "STRUCTURAL", List.of("uid"), List.of("description")),
            new LdapObjectClass("2.5.6.9", "groupOfNames", "top", "STRUCTURAL", List.of("member", "cn"), List.of("description")),
            new LdapObjectClass("1.3.6.1.1.1.2.0", "posixAccount", "top", "AUXILIARY",
                    List.of("cn", "uid", "uidNumber", "gidNumber", "homeDirectory"), List.of("loginShell", "gecos", "description")),
            // RFC 2307bis: auxiliary, so a groupOfNames can be one
            new LdapObjectClass("1.3.6.1.1.1.2.2", "posixGroup", "top", "AUXILIARY", List.of("cn", "gidNumber"),
                    List.of("memberUid", "description")),
            new LdapObjectClass("2.5.17.0", "subentry", "top", "STRUCTURAL", List.of("cn", "subtreeSpecification"), List.of()),
            new LdapObjectClass("2.5.20.1", "subschema", null, "AUXILIARY", List.of(),
                    List.of("objectClasses", "attributeTypes", "matchingRules", "ldapSyntaxes")),
            new LdapObjectClass(CLASS + "1", "signet_person", "top", "AUXILIARY", List.of(), concat(ENTRY, ACCOUNT)),
            new LdapObjectClass(CLASS + "2", "signet_group", "top", "AUXILIARY", List.of(), concat(ENTRY, List.of("authPasswordMinimumLength",
                    "authPasswordMinimumClasses", "authPasswordHistory", "credentialTypeMinimum", "radiusVlan", "radiusReplyAttribute"))),
            new LdapObjectClass(CLASS + "3", "signet_service_account", "top", "AUXILIARY", List.of(), concat(ENTRY, ACCOUNT)));

    private static final Map<String, LdapAttributeType> BY_NAME = ATTRIBUTE_TYPES.stream()
            .collect(Collectors.toMap(t -> t.name().toLowerCase(Locale.ROOT), Function.identity()));

    private Subschema() {
    }

    /** The attribute type of an LDAP attribute name (any case, options dropped). */
    static Optional<LdapAttributeType> attributeType(String name) {
        String type = name.toLowerCase(Locale.ROOT);
        int options = type.indexOf(';');
        return Optional.ofNullable(BY_NAME.get(options < 0 ? type : type.substring(0, options)));
    }

    /** Whether {@code dn} (normalised: lower case, no spaces) names the subschema entry. */
    static boolean names(String dn) {
        return DN.equals(dn);
    }

    /** The subschema entry with the requested attributes (all of them for none, {@code *} or {@code +}). */
    static LdapSearchResult.Entry entry(List<String> requested) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("objectClass", List.of("top", "subentry", "subschema"));
        attributes.put("cn", List.of("schema"));
        attributes.put("objectClasses", OBJECT_CLASSES.stream().map(LdapObjectClass::definition).toList());
        attributes.put("attributeTypes", ATTRIBUTE_TYPES.stream().map(LdapAttributeType::definition).toList());
        attributes.put("matchingRules", Arrays.stream(MatchingRule.values()).map(MatchingRule::definition).toList());
        attributes.put("ldapSyntaxes", Arrays.stream(LdapSyntax.values()).map(LdapSyntax::definition).toList());
        return new LdapSearchResult.Entry(DN, LdapEntryMapping.selected(attributes, requested));
    }

    /** Whether a search filter matches the subschema entry, with the SDK's matching rules for its attributes. */
    static boolean matches(LdapFilter ldapFilter) throws LDAPException {
        Filter filter = SdkFilter.of(ldapFilter);
        LdapSearchResult.Entry schema = entry(List.of());
        return filter.matchesEntry(new Entry(schema.dn(), schema.attributes().entrySet().stream()
                .map(a -> new Attribute(a.getKey(), a.getValue())).toList()));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
