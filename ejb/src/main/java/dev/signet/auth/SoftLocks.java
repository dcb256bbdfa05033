package dev.signet.auth;

import dev.signet.audit.AuditType;
import dev.signet.access.AccessControl;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
import dev.signet.entry.EntryLookup;
import dev.signet.fault.InvalidInput;
import dev.signet.model.Account;
import dev.signet.model.Entry;
import dev.signet.model.EntryKind;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/** An admin lifting an account's soft lock (failed-attempt lockout) before it runs out. */
@PermitAll
@Stateless
public class SoftLocks {
    @EJB
    private Callers callers;
    @EJB
    private EntryLookup lookup;
    @EJB
    private Lockout lockout;
    @EJB
    private Audit audit;

    public void lift(EntryKind kind, String id) {
        Caller caller = callers.current();
        Entry entry = lookup.require(kind, id);
        AccessControl.requireVisible(caller, entry, id);
        if (!(entry instanceof Account account)) {
            throw new InvalidInput("id", "only accounts are locked out");
        }
        AccessControl.requireAdminister(caller, account, "reset the lockout of");
        lockout.clear(account);
        audit.success(AuditType.AUTH_LOCKOUT_RESET, caller, account, null);
    }
}
