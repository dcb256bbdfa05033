package dev.signet.credential;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules a new password must pass. Every failed rule is reported, so a user fixes them all at
 * once. (Account policies per group, the bad-password list and history arrive with the
 * credentials issue.)
 */
public record PasswordPolicy(int minimumLength, int maximumLength) {
    /** NIST SP 800-63B asks for at least 8; Kanidm and we ask for 12, and 16 for admins. */
    public static final PasswordPolicy DEFAULT = new PasswordPolicy(12, 128);
    public static final PasswordPolicy PRIVILEGED = new PasswordPolicy(16, 128);

    public List<String> failures(char[] password, String accountName) {
        List<String> failures = new ArrayList<>();
        if (password.length < minimumLength) {
            failures.add("must be at least " + minimumLength + " characters");
        }
        if (password.length > maximumLength) {
            failures.add("must be at most " + maximumLength + " characters");
        }
        String lower = new String(password).toLowerCase(Locale.ROOT);
        if (accountName != null && accountName.length() >= 3 && lower.contains(accountName.toLowerCase(Locale.ROOT))) {
            failures.add("must not contain the account name");
        }
        if (!lower.isEmpty() && lower.chars().distinct().count() < 5) {
            failures.add("must use at least 5 different characters");
        }
        return failures;
    }
}
