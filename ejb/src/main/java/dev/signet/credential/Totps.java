package dev.signet.credential;

import dev.signet.audit.AuditType;
import dev.signet.secret.RandomTokens;
import dev.signet.entry.EntryWrite;
import dev.signet.entry.SyncOwnerDecides;
import dev.signet.entry.WritePath;
import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import dev.signet.access.AccessControl;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
import dev.signet.domain.KeyEncryption;
import dev.signet.domain.Domain;
import dev.signet.fault.EntryNotFound;
import dev.signet.fault.InvalidInput;
import dev.signet.fault.PolicyViolation;
import dev.signet.model.Account;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;

/**
 * TOTP authenticators (RFC 6238; SHA1, SHA256 or SHA512; 6 or 8 digits; 30 s steps; one step of
 * clock drift either way). Enrolment is two steps: the secret and its otpauth:// URI, then a code
 * from the authenticator proves it was stored. A code is accepted once: a later login must
 * present a code of a later time step.
 */
@PermitAll
@Stateless
public class Totps {
    static final Duration STEP = Duration.ofSeconds(30);
    private static final String CONTEXT = "signet totp secret";

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private WritePath writePath;
    @EJB
    private Callers callers;
    @EJB
    private Domain domain;
    @EJB
    private Audit audit;

    public TotpEnrolment enrol(String label, String algorithmName, Integer digits) {
        Account account = self();
        writePath.write(EntryWrite.guarded(account, SyncOwnerDecides.TOTP));
        TotpAlgorithm algorithm = TotpAlgorithm.parse(algorithmName);
        int length = digits == null ? 6 : digits;
        if (length != 6 && length != 8) {
            throw new InvalidInput("digits", "digits must be 6 or 8");
        }
        String name = label == null || label.isBlank() ? "totp" : label.strip();
        if (name.length() > 64) {
            throw new InvalidInput("label", "label must be at most 64 characters");
        }
        byte[] secret = RandomTokens.bytes(algorithm.keyBytes());
        String base32 = Base32.toBase32String(secret).replace("=", "");
        TotpCredential totp = new TotpCredential(UUID.randomUUID(), account.uuid(), name,
                KeyEncryption.fromConfiguredFile().encrypt(base32, CONTEXT), algorithm, length, Instant.now());
        em.persist(totp);
        String issuer = domain.name().value();
        String spn = account.name() + "@" + issuer;
        String uri = "otpauth://totp/" + encode(issuer) + ":" + encode(spn) + "?secret=" + base32 + "&issuer=" + encode(issuer)
                + "&algorithm=" + algorithm.name() + "&digits=" + length + "&period=" + STEP.toSeconds();
        return new TotpEnrolment(totp.id(), uri, base32);
    }

    /** Activates an enrolment with a code from the authenticator; a wrong code leaves it pending. */
    public void confirm(UUID id, String code) {
        Account account = self();
        TotpCredential totp = own(account, id);
        if (totp.verified()) {
            throw new InvalidInput("id", "this authenticator is already verified");
        }
        if (!accept(totp, code, Instant.now())) {
            throw new PolicyViolation("code", List.of("does not match the authenticator; check its clock and try the next code"));
        }
        totp.markVerified();
        audit.success(AuditType.CREDENTIAL_TOTP_ENROL, callers.current(), account, totp.label());
    }

    public void remove(UUID id) {
        Account account = self();
        TotpCredential totp = own(account, id);
        em.remove(totp);
        audit.success(AuditType.CREDENTIAL_TOTP_REMOVE, callers.current(), account, totp.label());
    }

    /** The caller's verified authenticators, oldest first (a read: a read-only session may list them). */
    public List<TotpInfo> list() {
        Caller caller = callers.current();
        AccessControl.requireAuthenticated(caller);
        return em.createQuery("select t from TotpCredential t where t.account = :account and t.verified = true order by t.created",
                        TotpCredential.class).setParameter("account", caller.uuid()).setMaxResults(100).getResultList().stream()
                .map(t -> new TotpInfo(t.id(), t.label())).toList();
    }

    /** Whether the account has a verified authenticator (then it logs in with passwordmfa). */
    public boolean enrolled(Account account) {
        return !em.createQuery("select t.id from TotpCredential t where t.account = :account and t.verified = true", UUID.class)
                .setParameter("account", account.uuid()).setMaxResults(1).getResultList().isEmpty();
    }

    /** Checks a code against the account's verified authenticators, consuming its time step. */
    public boolean check(Account account, String code) {
        Instant now = Instant.now();
        boolean ok = false;
        for (TotpCredential totp : em.createQuery("select t from TotpCredential t where t.account = :account and t.verified = true",
                TotpCredential.class).setParameter("account", account.uuid()).getResultList()) {
            ok |= accept(totp, code, now);
        }
        return ok;
    }

    private boolean accept(TotpCredential totp, String code, Instant now) {
        if (code == null || !code.strip().matches("\\d{6,8}")) {
            return false;
        }
        byte[] expected = code.strip().getBytes(StandardCharsets.US_ASCII);
        byte[] secret = Base32.decode(pad(KeyEncryption.fromConfiguredFile().decrypt(totp.sealedSecret(), CONTEXT)));
        TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, totp.digits(), totp.algorithm().mac());
        SecretKeySpec key = new SecretKeySpec(secret, totp.algorithm().mac());
        long current = now.getEpochSecond() / STEP.toSeconds();
        for (long step = current - 1; step <= current + 1; step++) {
            if (step <= totp.lastStep()) {
                continue; // that step's code was used already, or an earlier one was
            }
            try {
                int otp = generator.generateOneTimePassword(key, Instant.ofEpochSecond(step * STEP.toSeconds()));
                String candidate = String.format(java.util.Locale.ROOT, "%0" + totp.digits() + "d", otp);
                if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
                    totp.used(step);
                    return true;
                }
            } catch (InvalidKeyException e) {
                throw new IllegalStateException("stored TOTP key unusable", e);
            }
        }
        return false;
    }

    private Account self() {
        Caller caller = callers.current();
        AccessControl.requireOwnCredentialChange(caller);
        Account account = em.find(Account.class, caller.uuid());
        if (account == null) {
            throw new InvalidInput("self", "only accounts enrol authenticators");
        }
        return account;
    }

    private TotpCredential own(Account account, UUID id) {
        TotpCredential totp = id == null ? null : em.find(TotpCredential.class, id);
        if (totp == null || !totp.account().equals(account.uuid())) {
            throw new EntryNotFound(String.valueOf(id));
        }
        return totp;
    }

    private static String pad(String base32) {
        return base32 + "=".repeat((8 - base32.length() % 8) % 8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
