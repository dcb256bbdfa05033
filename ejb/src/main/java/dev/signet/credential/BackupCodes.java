package dev.signet.credential;

import dev.signet.audit.AuditType;
import dev.signet.secret.RandomTokens;
import dev.signet.access.AccessControl;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
import dev.signet.fault.InvalidInput;
import dev.signet.model.Account;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Eight single-use backup codes, for when the authenticator is lost: generated together (a new set
 * replaces the old one), shown once, stored hashed. One stands in for the TOTP code at login.
 */
@PermitAll
@Stateless
public class BackupCodes {
    static final int COUNT = 8;
    /** Crockford-like alphabet without look-alikes (no 0/O, 1/I/L). */
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private Callers callers;
    @EJB
    private Audit audit;
    @EJB
    private Totps totps;

    /** A new set for the caller; only someone with a TOTP authenticator needs (and may have) them. */
    public List<String> generate() {
        Caller caller = callers.current();
        AccessControl.requireOwnCredentialChange(caller);
        Account account = em.find(Account.class, caller.uuid());
        if (account == null || !totps.enrolled(account)) {
            throw new InvalidInput("backup_codes", "enrol a TOTP authenticator before generating backup codes");
        }
        em.createQuery("delete from BackupCode c where c.account = :account").setParameter("account", account.uuid()).executeUpdate();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            String code = next();
            codes.add(code);
            em.persist(new BackupCode(account.uuid(), SecretDigest.of(code)));
        }
        audit.success(AuditType.CREDENTIAL_BACKUP_CODES_GENERATE, caller, account, COUNT + " codes");
        return codes;
    }

    /** Consumes the code if it is one of the account's; each works once. */
    public boolean use(Account account, String code) {
        if (code == null || code.length() > 64) {
            return false;
        }
        String hash = SecretDigest.of(normalise(code));
        List<BackupCode> match = em.createQuery("select c from BackupCode c where c.account = :account and c.codeHash = :hash",
                BackupCode.class).setParameter("account", account.uuid()).setParameter("hash", hash).getResultList();
        match.forEach(em::remove);
        return !match.isEmpty();
    }

    public boolean any(Account account) {
        return !em.createQuery("select c.id from BackupCode c where c.account = :account")
                .setParameter("account", account.uuid()).setMaxResults(1).getResultList().isEmpty();
    }

    private static String next() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(ALPHABET[RandomTokens.below(ALPHABET.length)]);
        }
        return code.toString();
    }

    private static String normalise(String code) {
        String lower = code.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        return lower.length() == 10 && lower.indexOf('-') < 0 ? lower.substring(0, 5) + "-" + lower.substring(5) : lower;
    }

}
