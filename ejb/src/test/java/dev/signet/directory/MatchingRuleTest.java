package dev.signet.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MatchingRuleTest {
    @Test
    void aRuleIsNamedByNameInAnyCaseOrByOid() {
        assertEquals(Optional.of(MatchingRule.CASE_EXACT_MATCH), MatchingRule.named("caseExactMatch"));
        assertEquals(Optional.of(MatchingRule.CASE_EXACT_MATCH), MatchingRule.named("CASEEXACTMATCH"));
        assertEquals(Optional.of(MatchingRule.CASE_EXACT_MATCH), MatchingRule.named("2.5.13.5"));
        assertEquals(Optional.of(MatchingRule.CASE_IGNORE_IA5_MATCH), MatchingRule.named("1.3.6.1.4.1.1466.109.114.2"));
        assertEquals(Optional.empty(), MatchingRule.named("bogusMatch"));
        assertEquals(Optional.empty(), MatchingRule.named("2.5.13.5.1"));
    }

    @Test
    void stringRulesCompareDirectoryAndIa5StringsAlike() {
        assertTrue(MatchingRule.CASE_EXACT_MATCH.comparesEquality(LdapSyntax.IA5_STRING));
        assertTrue(MatchingRule.CASE_IGNORE_IA5_MATCH.comparesEquality(LdapSyntax.DIRECTORY_STRING));
        assertFalse(MatchingRule.CASE_IGNORE_MATCH.comparesEquality(LdapSyntax.INTEGER));
        assertFalse(MatchingRule.INTEGER_MATCH.comparesEquality(LdapSyntax.DIRECTORY_STRING));
        assertTrue(MatchingRule.DISTINGUISHED_NAME_MATCH.comparesEquality(LdapSyntax.DN));
    }

    @Test
    void orderingAndSubstringRulesAreNotEqualityMatches() {
        assertFalse(MatchingRule.INTEGER_ORDERING_MATCH.comparesEquality(LdapSyntax.INTEGER));
        assertFalse(MatchingRule.CASE_IGNORE_SUBSTRINGS_MATCH.comparesEquality(LdapSyntax.DIRECTORY_STRING));
    }

    @Test
    void onlyTheCaseExactRulesTellCaseApart() {
        assertTrue(MatchingRule.CASE_EXACT_MATCH.caseExact());
        assertTrue(MatchingRule.CASE_EXACT_IA5_MATCH.caseExact());
        assertFalse(MatchingRule.CASE_IGNORE_MATCH.caseExact());
    }
}
