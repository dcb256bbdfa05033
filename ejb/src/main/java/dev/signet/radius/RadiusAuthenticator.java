package dev.signet.radius;

import dev.signet.audit.AuditType;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.adapter.radius.RadiusAccessRequest;
import dev.signet.adapter.radius.RadiusAnswer;
import dev.signet.adapter.radius.RadiusAnswer.ReplyAttribute;
import dev.signet.adapter.radius.RadiusCredential;
import dev.signet.audit.Audit;
import dev.signet.auth.Lockout;
import dev.signet.credential.RadiusSecrets;
import dev.signet.entry.EntryLookup;
import dev.signet.model.Account;
import dev.signet.model.Group;
import dev.signet.model.Person;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides RADIUS Access-Requests (DESIGN.md: credential check + group policy): PAP and CHAP
 * against the person's RADIUS secret, MS-CHAPv2 and EAP through {@link EapMethods}. Each
 * decision counts toward the same soft lockout as logins and LDAP binds, and is audited as
 * {@code radius.auth} with the client, the method, the outcome and the real reason; the device
 * is told Accept or a bare Reject.
 */
// access is decided in code: the RADIUS client was authenticated by its shared secret
@PermitAll
@Stateless
public class RadiusAuthenticator {
    static final AuditType AUDIT_TYPE = AuditType.RADIUS_AUTH;
    /** RFC 2548: Microsoft's vendor attributes. */
    static final int MICROSOFT = 311;
    static final int MS_CHAP2_SUCCESS = 26;
    static final int MS_MPPE_SEND_KEY = 16;
    static final int MS_MPPE_RECV_KEY = 17;
    static final int STATE = 24;
    /** RFC 3748 section 4.2: an EAP-Failure is code 4, the identifier of the packet it answers, length 4. */
    private static final int EAP_FAILURE = 4;

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private EntryLookup lookup;
    @EJB
    private RadiusSecrets secrets;
    @EJB
    private Lockout lockout;
    @EJB
    private Audit audit;
    @Inject
    private RadiusClientDirectory directory;
    @Inject
    private EapMethods eap;
    @Inject
    private RadiusTraffic traffic;

    public RadiusAnswer decide(RadiusAccessRequest request) {
        long start = System.nanoTime();
        RadiusCredential credential = request.credential();
        RadiusAnswer answer = directory.named(request.clientName())
                .map(client -> credential instanceof RadiusCredential.Eap e ? eap(request, client, e) : direct(request, client))
                .orElseGet(RadiusAnswer::reject); // removed between the packet's check and now
        traffic.decided(credential.method(), answer.kind().name().toLowerCase(java.util.Locale.ROOT), Duration.ofNanos(System.nanoTime() - start));
        return answer;
    }

    /** PAP, CHAP, MS-CHAPv2: one request, one decision. */
    private RadiusAnswer direct(RadiusAccessRequest request, RadiusClientDirectory.Client client) {
        RadiusCredential credential = request.credential();
        Account account = account(request.userName());
        String attempt = lockoutKey(account, request.userName());
        boolean softLocked = lockout.lockedNow(attempt, Instant.now());
        Optional<String> secret = softLocked || !(account instanceof Person) ? Optional.empty() : secrets.secretOf(account.uuid());
        boolean served = !(credential instanceof RadiusCredential.MsChapV2) || eap.available();
        Optional<EapMethods.MsChapV2Proof> msChap = Optional.empty();
        boolean matches = false;
        if (secret.isPresent() && served) {
            if (credential instanceof RadiusCredential.Pap pap) {
                char[] password = pap.password();
                matches = Chap.papMatches(password, secret.get());
                Arrays.fill(password, '\0');
            } else if (credential instanceof RadiusCredential.Chap chap) {
                matches = Chap.verify(chap.identifier(), chap.response(), chap.challenge(), secret.get());
            } else if (credential instanceof RadiusCredential.MsChapV2 ms) {
                byte[] response = ms.response();
                msChap = eap.msChapV2(request.userName(), secret.get().toCharArray(), ms.authenticatorChallenge(),
                        Arrays.copyOfRange(response, 2, 18), Arrays.copyOfRange(response, 26, 50));
                matches = msChap.isPresent();
            }
        }
        RadiusDecision decision = decision(softLocked, account, secret.isPresent(), served,
                !(credential instanceof RadiusCredential.None), matches, client);
        Optional<String> refusal = decision.refusal();
        String method = credential.method();
        if (refusal.isPresent()) {
            refused(request, request.userName(), client, account, method, attempt, decision, !served ? method + " not available" : refusal.get());
            return RadiusAnswer.reject();
        }
        List<ReplyAttribute> reply = new ArrayList<>(accepted(request, client, account, method, attempt));
        msChap.ifPresent(proof -> {
            byte[] ident = {request.credential() instanceof RadiusCredential.MsChapV2 ms ? ms.response()[0] : 0};
            byte[] success = concat(ident, proof.authenticatorResponse().getBytes(StandardCharsets.US_ASCII));
            reply.add(new ReplyAttribute(MICROSOFT, MS_CHAP2_SUCCESS, success, false));
            reply.add(new ReplyAttribute(MICROSOFT, MS_MPPE_RECV_KEY, proof.recvKey(), true));
            reply.add(new ReplyAttribute(MICROSOFT, MS_MPPE_SEND_KEY, proof.sendKey(), true));
        });
        return new RadiusAnswer(RadiusAnswer.Kind.ACCEPT, reply);
    }

    /**
     * One EAP round trip. The conversation itself is the methods' business; at its end, the
     * inner identity is held to the same rules as a PAP login, and a refusal then becomes an
     * EAP-Failure in an Access-Reject.
     */
    private RadiusAnswer eap(RadiusAccessRequest request, RadiusClientDirectory.Client client, RadiusCredential.Eap message) {
        Account outer = account(request.userName());
        if (!eap.available()) {
            String attempt = lockoutKey(outer, request.userName());
            RadiusDecision decision = decision(lockout.lockedNow(attempt, Instant.now()), outer, false, false, true, false, client);
            refused(request, request.userName(), client, outer, "eap", attempt, decision, "eap not available");
            return new RadiusAnswer(RadiusAnswer.Kind.REJECT, List.of(eapFailure(message.eapMessage())));
        }
        EapMethods.EapTurn turn = eap.step(message.state(), message.eapMessage(), name -> innerSecret(name));
        switch (turn.kind()) {
            case CHALLENGE -> {
                List<ReplyAttribute> challenge = new ArrayList<>();
                challenge.add(new ReplyAttribute(0, RadiusAnswer.EAP_MESSAGE, turn.eapMessage(), false));
                challenge.add(new ReplyAttribute(0, STATE, turn.state(), false));
                return new RadiusAnswer(RadiusAnswer.Kind.CHALLENGE, challenge);
            }
            case REJECT -> {
                String method = eapMethod(turn);
                String inner = turn.innerUsername();
                if (inner == null || inner.isBlank()) {
                    // no name was claimed (the peer gave up on our certificate, a malformed or stale message): nothing to count
                    audit.failureInTransaction(AUDIT_TYPE, Caller.ANONYMOUS, null, request.userName(), detail(request, client, method, turn.reason()));
                    return new RadiusAnswer(RadiusAnswer.Kind.REJECT, List.of(new ReplyAttribute(0, RadiusAnswer.EAP_MESSAGE, turn.eapMessage(), false)));
                }
                Account account = account(inner);
                String attempt = lockoutKey(account, inner);
                boolean hasSecret = account instanceof Person && secrets.secretOf(account.uuid()).isPresent();
                RadiusDecision decision = decision(lockout.lockedNow(attempt, Instant.now()), account, hasSecret, true, true, false, client);
                // the methods say "wrong secret or no such person"; the core knows which, and tells the audit trail only
                String reason = turn.reason() == null || turn.reason().startsWith("wrong secret")
                        ? decision.refusal().orElse("wrong RADIUS secret") : turn.reason();
                refused(request, inner, client, account, method, attempt, decision, reason);
                return new RadiusAnswer(RadiusAnswer.Kind.REJECT, List.of(new ReplyAttribute(0, RadiusAnswer.EAP_MESSAGE, turn.eapMessage(), false)));
            }
            default -> {
                Account account = account(turn.innerUsername());
                String attempt = lockoutKey(account, turn.innerUsername());
                boolean hasSecret = account instanceof Person && secrets.secretOf(account.uuid()).isPresent();
                RadiusDecision decision = decision(lockout.lockedNow(attempt, Instant.now()), account, hasSecret, true, true, true, client);
                Optional<String> refusal = decision.refusal();
                if (refusal.isPresent()) {
                    refused(request, turn.innerUsername(), client, account, eapMethod(turn), attempt, decision, refusal.get());
                    return new RadiusAnswer(RadiusAnswer.Kind.REJECT, List.of(eapFailure(turn.eapMessage())));
                }
                List<ReplyAttribute> reply = new ArrayList<>(accepted(request, client, account, eapMethod(turn), attempt));
                reply.add(new ReplyAttribute(0, RadiusAnswer.EAP_MESSAGE, turn.eapMessage(), false));
                reply.add(new ReplyAttribute(MICROSOFT, MS_MPPE_RECV_KEY, turn.mppeRecvKey(), true));
                reply.add(new ReplyAttribute(MICROSOFT, MS_MPPE_SEND_KEY, turn.mppeSendKey(), true));
                return new RadiusAnswer(RadiusAnswer.Kind.ACCEPT, reply);
            }
        }
    }

    /**
     * The secret an inner method checks against. A soft-locked name gets none, so the tunnel fails
     * as for a wrong secret: inside PEAP the MS-CHAPv2 success message would otherwise confirm a
     * guess before the core's decision. Only reads (a replay on another node asks again).
     */
    private Optional<char[]> innerSecret(String name) {
        Account account = account(name);
        if (!(account instanceof Person) || lockout.lockedNow(lockoutKey(account, name), Instant.now())) {
            return Optional.empty();
        }
        return secrets.secretOf(account.uuid()).map(String::toCharArray);
    }

    /** The audit's name for the EAP method (RFC 3748's registry names as Signet spells them). */
    private static String eapMethod(EapMethods.EapTurn turn) {
        return turn.method() == null ? "eap" : turn.method();
    }

    private RadiusDecision decision(boolean softLocked, Account account, boolean hasSecret, boolean served, boolean present,
                                    boolean matches, RadiusClientDirectory.Client client) {
        Instant now = Instant.now();
        boolean allowed = account != null && client.groups().stream().anyMatch(account.memberOf()::contains);
        return new RadiusDecision(softLocked, account != null, account instanceof Person, hasSecret, served, present, matches,
                account != null && account.locked(), account != null && (account.mayAuthenticate(now) || account.locked()), allowed);
    }

    /**
     * A refusal, audited with its reason, and counted toward the soft lockout when a credential
     * was checked (the check, a comparison, is made first and counted after: see Lockout#lockedNow).
     */
    private void refused(RadiusAccessRequest request, String name, RadiusClientDirectory.Client client, Account account, String method,
                         String attempt, RadiusDecision decision, String reason) {
        boolean locks = decision.counted() && lockout.failed(attempt, Instant.now());
        audit.failureInTransaction(AUDIT_TYPE, Caller.ANONYMOUS, account == null ? null : account.uuid(),
                name, detail(request, client, method, reason));
        if (locks) {
            audit.failureInTransaction(AuditType.AUTH_LOCKOUT, Caller.ANONYMOUS, account == null ? null : account.uuid(), name,
                    "soft-locked after repeated failed RADIUS logins");
        }
    }

    private List<ReplyAttribute> accepted(RadiusAccessRequest request, RadiusClientDirectory.Client client, Account account, String method,
                                          String attempt) {
        lockout.succeeded(attempt);
        audit.success(AUDIT_TYPE, Callers.of(account), account, detail(request, client, method, "accepted"));
        List<ReplyAttributes.GroupReply> groups = new ArrayList<>();
        for (UUID uuid : client.groups()) {
            if (account.memberOf().contains(uuid)) {
                Group group = em.find(Group.class, uuid);
                if (group != null && !group.recycled()) {
                    groups.add(new ReplyAttributes.GroupReply(group.name(), group.radiusVlan(), List.copyOf(group.radiusReplyAttributes())));
                }
            }
        }
        return ReplyAttributes.accept(account.name(), groups, client.sessionTimeout());
    }

    private static String detail(RadiusAccessRequest request, RadiusClientDirectory.Client client, String method, String outcome) {
        return "client " + client.key().name() + ", " + method + " from " + request.sourceAddress()
                + (request.callingStationId().isEmpty() ? "" : " (station " + printable(request.callingStationId()) + ")") + ": " + outcome;
    }

    private Account account(String name) {
        if (name == null || name.isBlank() || name.length() > 256) {
            return null;
        }
        return lookup.live(name).filter(Account.class::isInstance).map(Account.class::cast).orElse(null);
    }

    private String lockoutKey(Account account, String name) {
        return Lockout.key(account, lookup.canonical(name == null || name.isBlank() ? "-" : name));
    }

    /** RFC 3748 section 4.2: the EAP-Failure that answers the peer's last packet (its identifier). */
    private static ReplyAttribute eapFailure(byte[] lastEapPacket) {
        int identifier = lastEapPacket.length > 1 ? lastEapPacket[1] & 0xff : 0;
        return new ReplyAttribute(0, RadiusAnswer.EAP_MESSAGE, new byte[] {EAP_FAILURE, (byte) identifier, 0, 4}, false);
    }

    private static String printable(String text) {
        String cut = text.length() > 64 ? text.substring(0, 64) : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
