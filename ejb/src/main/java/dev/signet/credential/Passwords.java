package dev.signet.credential;

import jakarta.annotation.security.PermitAll;
import dev.signet.access.AccessControl;
import dev.signet.access.BuiltinGroup;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
import dev.signet.entry.EntryLookup;
import dev.signet.fault.InvalidInput;
import dev.signet.fault.PolicyViolation;
import dev.signet.model.Account;
import dev.signet.model.Entry;
import dev.signet.model.EntryKind;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.util.List;

/** Setting an account's password: by itself or an admin of it, checked against the policy. */
// access is decided in code (AccessControl), per entry and attribute, not by container roles
@PermitAll
@Stateless
public class Passwords {
    @EJB
    private Callers callers;
    @EJB
    private EntryLookup lookup;
    @EJB
    private Audit audit;

    public void set(EntryKind kind, String id, char[] password) {
        Caller caller = callers.current();
        Entry entry = lookup.require(kind, id);
        AccessControl.requireVisible(caller, entry, id);
        if (!(entry instanceof Account account)) {
            throw new InvalidInput("id", "only accounts have passwords");
        }
        AccessControl.requireSetPassword(caller, account);
        if (password == null) {
            throw new InvalidInput("password", "password is required");
        }
        List<String> failures = policyFor(account).failures(password, account.name());
        if (!failures.isEmpty()) {
            audit.failure("credential.password.set", caller, account.uuid(), account.name(), "policy: " + String.join("; ", failures));
            throw new PolicyViolation("password", failures);
        }
        account.setPasswordHash(PasswordHash.hash(password));
        account.touch(Instant.now());
        audit.success("credential.password.set", caller, account, caller.is(account.uuid()) ? "self" : "by admin");
    }

    static PasswordPolicy policyFor(Account account) {
        boolean privileged = account.memberOf().contains(BuiltinGroup.SYSTEM_ADMINS.uuid())
                || account.memberOf().contains(BuiltinGroup.IDM_ADMINS.uuid());
        return privileged ? PasswordPolicy.PRIVILEGED : PasswordPolicy.DEFAULT;
    }
}
