package dev.signet.credential;

import dev.signet.audit.AuditType;
import dev.signet.secret.RandomTokens;
import dev.signet.entry.EntryWrite;
import dev.signet.entry.SyncOwnerDecides;
import dev.signet.entry.WritePath;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import dev.signet.access.AccessControl;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
import dev.signet.domain.Domain;
import dev.signet.fault.Conflict;
import dev.signet.fault.EntryNotFound;
import dev.signet.fault.InvalidInput;
import dev.signet.fault.PolicyViolation;
import dev.signet.model.Account;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import java.util.Optional;

/**
 * Passkeys (WebAuthn, verified by WebAuthn4J): registration and authentication ceremonies whose
 * challenges live five minutes, single use, in the distributed Infinispan cache
 * {@code signet/webauthn} (so a ceremony may finish on another node). The relying party id is
 * the domain; user verification is required; the signature counter must grow.
 */
@PermitAll
@Stateless
public class Passkeys {
    static final long CEREMONY_MINUTES = 5;
    private static final WebAuthnManager WEBAUTHN = WebAuthnManager.createNonStrictWebAuthnManager();
    private static final AttestedCredentialDataConverter CREDENTIAL_DATA = new AttestedCredentialDataConverter(new ObjectConverter());
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA));
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Resource(lookup = "java:jboss/infinispan/cache/signet/webauthn")
    private Cache<String, String> ceremonies;

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

    public PasskeyChallenge beginRegistration() {
        Account account = self();
        writePath.write(EntryWrite.guarded(account, SyncOwnerDecides.PASSKEYS));
        String ceremony = UUID.randomUUID().toString();
        String challenge = challenge("reg:" + ceremony, account);
        String spn = account.name() + "@" + rpId();
        return new PasskeyChallenge(ceremony, challenge, rpId(), B64.encodeToString(bytes(account.uuid())), spn,
                account.displayname().orElse(account.name()), credentialIds(account));
    }

    public PasskeyInfo finishRegistration(String ceremony, String label, String attestationObject, String clientDataJSON) {
        Account account = self();
        String name = label == null || label.isBlank() ? "passkey" : label.strip();
        if (name.length() > 64) {
            throw new InvalidInput("label", "label must be at most 64 characters");
        }
        byte[] challenge = consume("reg:" + ceremony, account)
                .orElseThrow(() -> new InvalidInput("ceremony", "registration expired or unknown; begin again"));
        RegistrationData data;
        try {
            data = WEBAUTHN.parse(new RegistrationRequest(decode(attestationObject), decode(clientDataJSON)));
            WEBAUTHN.verify(data, new RegistrationParameters(server(challenge), ALGORITHMS, true, true));
        } catch (RuntimeException e) {
            audit.failure(AuditType.CREDENTIAL_PASSKEY_ENROL, callers.current(), account.uuid(), account.name(), e.getClass().getSimpleName());
            throw new PolicyViolation("response", List.of("the authenticator's response does not verify: " + e.getMessage()));
        }
        AttestedCredentialData credential = data.getAttestationObject().getAuthenticatorData().getAttestedCredentialData();
        String credentialId = B64.encodeToString(credential.getCredentialId());
        if (!em.createQuery("select p.id from Passkey p where p.credentialId = :id").setParameter("id", credentialId).getResultList().isEmpty()) {
            throw new Conflict("response", "this authenticator's credential is already registered");
        }
        Passkey passkey = new Passkey(account.uuid(), name, credentialId, Base64.getEncoder().encodeToString(CREDENTIAL_DATA.convert(credential)),
                data.getAttestationObject().getAuthenticatorData().getSignCount(), Instant.now());
        em.persist(passkey);
        audit.success(AuditType.CREDENTIAL_PASSKEY_ENROL, callers.current(), account, name);
        return new PasskeyInfo(passkey.id(), passkey.label(), passkey.created());
    }

    public List<PasskeyInfo> list() {
        Account account = reader();
        return em.createQuery("select p from Passkey p where p.account = :account order by p.created", Passkey.class)
                .setParameter("account", account.uuid()).getResultList().stream()
                .map(p -> new PasskeyInfo(p.id(), p.label(), p.created())).toList();
    }

    public void remove(UUID id) {
        Account account = self();
        Passkey passkey = id == null ? null : em.find(Passkey.class, id);
        if (passkey == null || !passkey.account().equals(account.uuid())) {
            throw new EntryNotFound(String.valueOf(id));
        }
        em.remove(passkey);
        audit.success(AuditType.CREDENTIAL_PASSKEY_REMOVE, callers.current(), account, passkey.label());
    }

    public boolean any(Account account) {
        return !credentialIds(account).isEmpty();
    }

    /** The challenge for a login (authentication session {@code session}) with one of the account's passkeys. */
    public PasskeyChallenge beginAssertion(Account account, UUID session) {
        String challenge = challenge("auth:" + session, account);
        return new PasskeyChallenge(session.toString(), challenge, rpId(), null, null, null, credentialIds(account));
    }

    /**
     * The challenge an unknown name is given when its decoy answer offered a passkey: shaped like a
     * real one, naming {@code decoyCredentialIds}; no assertion will verify against it.
     */
    public PasskeyChallenge beginDecoyAssertion(UUID session, List<String> decoyCredentialIds) {
        return new PasskeyChallenge(session.toString(), B64.encodeToString(RandomTokens.bytes(32)), rpId(), null, null, null, decoyCredentialIds);
    }

    /** Whether the assertion answers the session's challenge with one of the account's passkeys. */
    public boolean verifyAssertion(Account account, UUID session, PasskeyAssertion assertion) {
        byte[] challenge = consume("auth:" + session, account).orElse(null);
        if (challenge == null || assertion == null || assertion.credentialId() == null) {
            return false;
        }
        List<Passkey> found = em.createQuery("select p from Passkey p where p.credentialId = :id and p.account = :account", Passkey.class)
                .setParameter("id", assertion.credentialId()).setParameter("account", account.uuid()).getResultList();
        if (found.isEmpty()) {
            return false;
        }
        Passkey passkey = found.get(0);
        try {
            AttestedCredentialData credential = CREDENTIAL_DATA.convert(Base64.getDecoder().decode(passkey.credentialData()));
            CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(), true, false, false,
                    passkey.signCount(), credential, null, null, null, null);
            AuthenticationData data = WEBAUTHN.parse(new AuthenticationRequest(decode(assertion.credentialId()),
                    assertion.userHandle() == null ? null : decode(assertion.userHandle()), decode(assertion.authenticatorData()),
                    decode(assertion.clientDataJSON()), null, decode(assertion.signature())));
            WEBAUTHN.verify(data, new AuthenticationParameters(server(challenge), record, List.of(decode(assertion.credentialId())), true, true));
            passkey.counted(data.getAuthenticatorData().getSignCount());
            return true;
        } catch (RuntimeException e) {
            // a bad signature, a replayed or cloned authenticator (counter), a wrong origin or rp id
            return false;
        }
    }

    private String challenge(String key, Account account) {
        String encoded = B64.encodeToString(RandomTokens.bytes(32));
        ceremonies.put(key, account.uuid() + "|" + encoded, CEREMONY_MINUTES, TimeUnit.MINUTES);
        return encoded;
    }

    /** Takes the ceremony's challenge out of the cache (single use), if it belongs to the account. */
    private Optional<byte[]> consume(String key, Account account) {
        String stored = key == null ? null : ceremonies.remove(key);
        if (stored == null || !stored.startsWith(account.uuid() + "|")) {
            return Optional.empty();
        }
        return Optional.of(decode(stored.substring(stored.indexOf('|') + 1)));
    }

    private ServerProperty server(byte[] challenge) {
        return new ServerProperty(origins(), rpId(), new DefaultChallenge(challenge));
    }

    private String rpId() {
        return domain.name().value();
    }

    /** The web origins passkeys are used from: {@code signet.origin}, else the domain on 443 and 8443. */
    private Set<Origin> origins() {
        String configured = System.getProperty("signet.origin");
        if (configured != null) {
            return Set.of(new Origin(configured));
        }
        return Set.of(new Origin("https://" + rpId()), new Origin("https://" + rpId() + ":8443"));
    }

    private List<String> credentialIds(Account account) {
        return em.createQuery("select p.credentialId from Passkey p where p.account = :account", String.class)
                .setParameter("account", account.uuid()).getResultList();
    }

    private Account self() {
        Caller caller = callers.current();
        AccessControl.requireOwnCredentialChange(caller);
        return account(caller);
    }

    private Account reader() {
        Caller caller = callers.current();
        AccessControl.requireAuthenticated(caller);
        return account(caller);
    }

    private Account account(Caller caller) {
        Account account = em.find(Account.class, caller.uuid());
        if (account == null) {
            throw new InvalidInput("self", "only accounts have passkeys");
        }
        return account;
    }

    private static byte[] decode(String base64url) {
        if (base64url == null) {
            throw new InvalidInput("response", "a required field of the authenticator's response is missing");
        }
        try {
            return Base64.getUrlDecoder().decode(base64url.replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("response", "not base64url: " + e.getMessage());
        }
    }

    private static byte[] bytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
    }
}
