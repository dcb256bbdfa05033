package dev.signet.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.model.EntryKind;
import dev.signet.schema.Storage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a filter means, read as text: each condition the translator composes, written out instead of queried. */
class LdapFilterTranslatorTest {
    private static final UUID ANA = UUID.fromString("00000000-0000-0000-0000-00000000a0a0");
    private static final LdapNames NAMES = LdapNames.of("example.com", "dc=example,dc=com");

    private static String meaning(String filter, boolean privileged) {
        return new LdapFilterTranslator<>(new TextConditions(), NAMES, privileged,
                name -> Optional.ofNullable(Map.of("ana", ANA).get(name))).translate(Filters.parse(filter));
    }

    private static String meaning(String filter) {
        return meaning(filter, false);
    }

    @Test
    void aNameIsComparedInLowerCaseUnderEachOfItsLdapNames() {
        for (String filter : List.of("(uid=JSmith)", "(cn=JSmith)", "(name=jsmith)", "(spn=JSmith@Example.com)", "(uid;x-option=jsmith)")) {
            assertEquals("liveName = jsmith", meaning(filter), filter);
        }
        assertEquals("FALSE", meaning("(spn=jsmith@elsewhere.org)"), "an spn of another domain names no one here");
        assertEquals("liveName >= m", meaning("(uid>=M)"));
        assertEquals("liveName like j%s\\_\\%", meaning("(uid=J*S_%)"), "% and _ in a value are literals");
    }

    @Test
    void privateAttributesMatchNothingWithoutTheReadPrivilege() {
        assertEquals("FALSE", meaning("(mail=Ana@Example.com)"));
        assertEquals("FALSE", meaning("(mail=*)"));
        assertEquals("mail has ana@example.com", meaning("(mail=Ana@Example.com)", true));
        assertEquals("mail has any", meaning("(mail=*)", true));
        assertEquals("FALSE", meaning("(mail>=a)", true), "mail has no ordering");
    }

    @Test
    void anAccountsUidNumberIsItsGidNumber() {
        assertEquals("(kind in [PERSON, SERVICE_ACCOUNT] AND gidnumber >= 65536)", meaning("(uidNumber>=65536)"));
        assertEquals("gidnumber = 70000", meaning("(gidNumber=70000)"));
        assertEquals("FALSE", meaning("(gidNumber=many)"), "a value the syntax cannot hold is Undefined: it matches nothing");
        assertEquals("(kind in [PERSON, SERVICE_ACCOUNT] AND gidnumber has any)", meaning("(homeDirectory=*)"));
    }

    @Test
    void objectClassesComeFromTheKindAndPosixness() {
        assertEquals("kind in [PERSON]", meaning("(objectClass=inetOrgPerson)"));
        assertEquals("kind in [GROUP]", meaning("(objectClass=groupOfNames)"));
        assertEquals("(kind in [PERSON, SERVICE_ACCOUNT] AND gidnumber has any)", meaning("(objectClass=posixAccount)"));
        assertEquals("gidnumber has any", meaning("(objectClass=posixGroup)"), "an account's personal group is a posixGroup too");
        assertEquals("TRUE", meaning("(objectClass=top)"));
        assertEquals("TRUE", meaning("(objectClass=*)"));
        assertEquals("FALSE", meaning("(objectClass=device)"));
    }

    @Test
    void referencesAreEntriesNamedByDnSpnOrName() {
        for (String dn : List.of("spn=ana@example.com,dc=example,dc=com", "uid=ana,ou=people,dc=example,dc=com", "ana@example.com")) {
            assertEquals("group with member " + ANA, meaning("(member=" + dn + ")"), dn);
            assertEquals("group with member " + ANA, meaning("(uniqueMember=" + dn + ")"), dn);
            assertEquals("memberOf has " + ANA, meaning("(memberOf=" + dn + ")"), dn);
        }
        assertEquals("FALSE", meaning("(member=spn=nobody@example.com,dc=example,dc=com)"));
        assertEquals("group with POSIX member jsmith", meaning("(memberUid=JSmith)"));
        assertEquals("group with any member", meaning("(member=*)"));
    }

    @Test
    void displayNamesIgnoreCaseAndLoginShellsDoNot() {
        assertEquals("lower(displayname) = john smith", meaning("(gecos=John Smith)"));
        assertEquals("lower(displayname) like jo%", meaning("(displayName=Jo*)"));
        assertEquals("(kind in [PERSON, SERVICE_ACCOUNT] AND loginshell = /bin/Bash)", meaning("(loginShell=/bin/Bash)"));
        assertEquals("FALSE", meaning("(description=x*)"), "description is not matched by value");
        assertEquals("description has any", meaning("(description=*)"));
    }

    @Test
    void extensibleMatchesUseTheirRuleOrAreInappropriate() {
        assertEquals("liveName = JSmith", meaning("(uid:caseExactMatch:=JSmith)"), "compared as given: stored names are lower case");
        assertEquals("displayname = John Smith", meaning("(displayName:caseExactMatch:=John Smith)"));
        assertEquals("liveName = jsmith", meaning("(uid:=JSmith)"), "no rule: the attribute's equality");
        assertEquals("FALSE", meaning("(memberUid:caseExactMatch:=JSmith)"));
        assertEquals("FALSE", meaning("(favouriteColour:=blue)"), "an attribute not served matches nothing");
        for (String filter : List.of("(uid:dn:caseExactMatch:=x)", "(:caseIgnoreMatch:=x)", "(uid:1.2.3.4:=x)", "(uid:integerMatch:=1)")) {
            assertThrows(InappropriateMatching.class, () -> meaning(filter), filter);
        }
    }

    @Test
    void unknownAttributesMatchNothingAndBranchesCompose() {
        assertEquals("FALSE", meaning("(favouriteColour=blue)"));
        assertEquals("(kind in [PERSON] AND (liveName = a OR NOT liveName = b))", meaning("(&(objectClass=person)(|(uid=a)(!(uid=b))))"));
        assertEquals("uuid = " + ANA, meaning("(entryUUID=" + ANA.toString().toUpperCase() + ")"));
    }

    /** The conditions as readable text. */
    private static final class TextConditions implements EntryConditions<String> {
        @Override
        public String all() {
            return "TRUE";
        }

        @Override
        public String none() {
            return "FALSE";
        }

        @Override
        public String and(List<String> conditions) {
            return "(" + String.join(" AND ", conditions) + ")";
        }

        @Override
        public String or(List<String> conditions) {
            return "(" + String.join(" OR ", conditions) + ")";
        }

        @Override
        public String not(String condition) {
            return "NOT " + condition;
        }

        @Override
        public String kindIn(Set<EntryKind> kinds) {
            return "kind in " + kinds.stream().sorted().map(Enum::name).collect(Collectors.toList());
        }

        @Override
        public String present(Storage storage, Set<EntryKind> kinds) {
            return storage.path() + " has any";
        }

        @Override
        public String equal(Storage storage, Set<EntryKind> kinds, Object value, boolean lowerStored) {
            String stored = lowerStored ? "lower(" + storage.path() + ")" : storage.path();
            return storage.collection() ? stored + " has " + value : stored + " = " + value;
        }

        @Override
        public String like(Storage storage, Set<EntryKind> kinds, String pattern, boolean lowerStored) {
            return (lowerStored ? "lower(" + storage.path() + ")" : storage.path()) + " like " + pattern;
        }

        @Override
        public <T extends Comparable<? super T>> String ordered(Storage storage, Set<EntryKind> kinds, T value, boolean atLeast) {
            return storage.path() + (atLeast ? " >= " : " <= ") + value;
        }

        @Override
        public String groupWithMember(UUID member) {
            return member == null ? "group with any member" : "group with member " + member;
        }

        @Override
        public String groupWithPosixMember(String name) {
            return name == null ? "group with any POSIX member" : "group with POSIX member " + name;
        }
    }
}
