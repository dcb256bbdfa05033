package dev.signet.web.console;

import dev.signet.credential.Passwords;
import dev.signet.entry.Entries;
import dev.signet.entry.EntryView;
import dev.signet.fault.PolicyViolation;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /ui/self/password}: a new password, typed twice, set through the core's
 * {@link Passwords#set} (the policy of the person's groups, the history, the sync yield). A refused
 * password lists every rule it broke, as the REST answer's {@code failures} does.
 */
@Named("selfPassword")
@RequestScoped
public class SelfPasswordPage {
    static final String PAGE = "/ui/self/password";

    @EJB
    private Passwords passwords;
    @EJB
    private Entries entries;

    private String password;
    private String repeated;
    private List<String> failures = List.of();

    public void change() {
        char[] typed = password == null ? new char[0] : password.toCharArray();
        char[] again = repeated == null ? new char[0] : repeated.toCharArray();
        password = null;
        repeated = null;
        if (!Arrays.equals(typed, again)) {
            Pages.error("The two passwords are not the same; type the new password twice.");
            return;
        }
        EntryView self = entries.self();
        Boolean changed = Pages.attempt(() -> {
            try {
                passwords.set(self.kind(), self.uuid().toString(), typed);
                return Boolean.TRUE;
            } catch (PolicyViolation refused) {
                failures = refused.failures();
                Pages.error("This password cannot be used:");
                return null;
            } finally {
                Arrays.fill(typed, '\0');
                Arrays.fill(again, '\0');
            }
        });
        if (changed != null) {
            Pages.done("Password changed. Use it the next time you sign in.", PAGE);
        }
    }

    /** The policy rules the last password typed broke, each on its own line. */
    public List<String> getFailures() {
        return failures;
    }

    public String getPassword() {
        return null; // never rendered back
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRepeated() {
        return null;
    }

    public void setRepeated(String repeated) {
        this.repeated = repeated;
    }
}
