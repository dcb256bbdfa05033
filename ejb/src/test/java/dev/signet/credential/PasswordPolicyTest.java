package dev.signet.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.model.AccountPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    @Test
    void shipsARealListOfCommonPasswordsComparedCaseInsensitively() {
        assertTrue(BadPasswords.size() >= 10_000, "list size " + BadPasswords.size());
        assertTrue(BadPasswords.contains("PassWord"));
        assertTrue(BadPasswords.contains("qwertyuiop"));
        assertTrue(BadPasswords.contains("Password123!"), "a listed word with digits and symbols around it");
        assertTrue(BadPasswords.contains("2024summer!!"));
        assertFalse(BadPasswords.contains("correct horse battery staple"));
        List<String> failures = new PasswordPolicy(8, 128, 0, 0).failures("Qwertyuiop".toCharArray(), "jsmith");
        assertEquals(List.of("is in the list of commonly used passwords"), failures);
    }

    @Test
    void reportsEveryFailedRule() {
        List<String> failures = new PasswordPolicy(12, 128, 3, 0).failures("bobbobbobbob".toCharArray(), "bob");
        assertEquals(3, failures.size(), failures.toString());
        assertTrue(failures.get(0).startsWith("must mix at least 3"));
        assertTrue(failures.contains("must not contain the account name"));
        assertTrue(failures.contains("must use at least 5 different characters"));
    }

    @Test
    void aGoodPasswordPassesTheDefault() {
        assertEquals(List.of(), PasswordPolicy.DEFAULT.failures("correct horse battery staple".toCharArray(), "jsmith"));
        assertEquals(1, PasswordPolicy.DEFAULT.failures("x".repeat(64).concat("abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789").toCharArray(), "jsmith")
                .stream().filter(f -> f.startsWith("must be at most")).count());
    }

    @Test
    void groupPoliciesOnlyEverTighten() {
        AccountPolicy strict = new AccountPolicy();
        strict.setPasswordMinimumLength(20);
        strict.setPasswordHistory(4);
        AccountPolicy lax = new AccountPolicy();
        lax.setPasswordMinimumLength(8);
        lax.setPasswordMinimumClasses(2);
        PasswordPolicy effective = PasswordPolicy.DEFAULT.tightenedBy(strict).tightenedBy(lax);
        assertEquals(new PasswordPolicy(20, 128, 2, 12), effective);
    }
}
