package dev.signet.recovery;

import dev.signet.audit.AuditType;
import jakarta.annotation.security.PermitAll;
import dev.signet.access.Caller;
import dev.signet.audit.Audit;
import dev.signet.auth.Lockout;
import dev.signet.credential.GeneratedPassword;
import dev.signet.credential.HashCostCalibration;
import dev.signet.credential.PasswordHash;
import dev.signet.entry.EntryLookup;
import dev.signet.entry.EntryWrite;
import dev.signet.entry.WritePath;
import dev.signet.fault.EntryNotFound;
import dev.signet.model.Account;
import dev.signet.model.Entry;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.Map;
import java.util.Objects;

/** Resets an account's password to a new random one and lifts its soft lock, for an operator on the server's machine. */
@PermitAll
@Stateless
public class AccountRecovery {
    @EJB
    private EntryLookup lookup;
    @EJB
    private WritePath writePath;
    @EJB
    private Audit audit;
    @EJB
    private HashCostCalibration hashCost;
    @EJB
    private Lockout lockout;

    public char[] recover(LocalOperator operator, String name) {
        Objects.requireNonNull(operator, "only the recovery socket may recover accounts");
        Entry entry = lookup.live(name).filter(Account.class::isInstance).orElseThrow(() -> new EntryNotFound(name));
        Account account = (Account) entry;
        char[] password = GeneratedPassword.next();
        String hash = PasswordHash.hash(password, hashCost.current());
        // the operator's break-glass: a credential change the sync source does not get to refuse
        writePath.write(EntryWrite.modify(account, Map.of()).changing(e -> ((Account) e).setPasswordHash(hash)));
        lockout.clear(account);
        audit.success(AuditType.CREDENTIAL_RECOVER, Caller.SYSTEM, account, "recover-account on the server");
        return password;
    }
}
