package dev.signet.credential;

import dev.signet.access.AccessControl;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.entry.EntryLookup;
import dev.signet.fault.AccessDenied;
import dev.signet.fault.InvalidInput;
import dev.signet.model.Account;
import dev.signet.model.Entry;
import dev.signet.model.EntryKind;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * What credentials an account has, never the credentials: whether a password is set, how many
 * TOTP authenticators and passkeys, how many backup codes are left. For the account itself and
 * for those who administer it or may read private attributes.
 */
@PermitAll
@Stateless
public class CredentialStatus {
    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private Callers callers;
    @EJB
    private EntryLookup lookup;

    public record Summary(boolean password, long totps, long passkeys, long backupCodesLeft) {
    }

    public Summary of(EntryKind kind, String id) {
        Caller caller = callers.current();
        AccessControl.requireAuthenticated(caller);
        Entry entry = lookup.require(kind, id);
        AccessControl.requireVisible(caller, entry, id);
        if (!(entry instanceof Account account)) {
            throw new InvalidInput("id", "only accounts have credentials");
        }
        if (!AccessControl.mayReadPrivate(caller, account)) {
            throw new AccessDenied("may not read the credentials of " + account.name());
        }
        return new Summary(account.passwordHash().isPresent(),
                count("select count(t) from TotpCredential t where t.account = :a and t.verified = true", account),
                count("select count(p) from Passkey p where p.account = :a", account),
                count("select count(b) from BackupCode b where b.account = :a", account));
    }

    private long count(String jpql, Account account) {
        return em.createQuery(jpql, Long.class).setParameter("a", account.uuid()).getSingleResult();
    }
}
