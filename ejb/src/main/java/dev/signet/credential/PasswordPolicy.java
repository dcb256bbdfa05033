package dev.signet.credential;

import dev.signet.model.AccountPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules a new password must pass. Every failed rule is reported, so a user fixes them all at
 * once. History is checked by {@link Passwords}, which holds the old hashes.
 */
public record PasswordPolicy(int minimumLength, int maximumLength, int minimumClasses, int history) {
    /** NIST SP 800-63B asks for at least 8; Kanidm and we ask for 12, and 16 for admins. */
    public static final PasswordPolicy DEFAULT = new PasswordPolicy(12, 128, 0, 12);
    public static final PasswordPolicy PRIVILEGED = new PasswordPolicy(16, 128, 0, 12);

    /** This policy tightened by a group's account policy: the stricter value of each rule wins. */
    public PasswordPolicy tightenedBy(AccountPolicy group) {
        return new PasswordPolicy(
                Math.max(minimumLength, group.passwordMinimumLength().orElse(0)),
                maximumLength,
                Math.max(minimumClasses, group.passwordMinimumClasses().orElse(0)),
                Math.max(history, group.passwordHistory().orElse(0)));
    }

    public List<String> failures(char[] password, String accountName) {
        List<String> failures = new ArrayList<>();
        String value = new String(password);
        int length = value.codePointCount(0, value.length());
        if (length < minimumLength) {
            failures.add("must be at least " + minimumLength + " characters");
        }
        if (length > maximumLength) {
            failures.add("must be at most " + maximumLength + " characters");
        }
        int classes = classes(value);
        if (classes < minimumClasses) {
            failures.add("must mix at least " + minimumClasses + " of: lower case, upper case, digits, other characters (has "
                    + classes + ")");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (accountName != null && accountName.length() >= 3 && lower.contains(accountName.toLowerCase(Locale.ROOT))) {
            failures.add("must not contain the account name");
        }
        if (!lower.isEmpty() && lower.chars().distinct().count() < 5) {
            failures.add("must use at least 5 different characters");
        }
        if (BadPasswords.contains(value)) {
            failures.add("is in the list of commonly used passwords");
        }
        return failures;
    }

    private static int classes(String value) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
