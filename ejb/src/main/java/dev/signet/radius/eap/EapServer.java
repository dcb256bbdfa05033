package dev.signet.radius.eap;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Signet's EAP server (RFC 3748 as carried by RADIUS, RFC 3579): one call per Access-Request
 * that carries EAP-Message, answering what to send back. Thread-safe; one instance per node.
 *
 * <h2>Conversations across round trips and nodes</h2>
 * A live Bouncy Castle TLS engine cannot be serialised, so the store never holds one. Instead a
 * conversation is a deterministic function of a 32-byte seed and the peer's messages: every
 * random draw (TLS randoms and nonces, ECDHE keys, MS-CHAPv2 challenges, EAP identifiers) comes
 * from a {@link SeededRandom} HMAC-DRBG over the seed. After each round trip the
 * {@link ConversationStore} (in a cluster the distributed cache {@code signet/eap}) gets
 * {@code seed | SHA-256(our last message) | the peer's messages so far}, keyed by the State we
 * sent. The node that ran the round keeps the live conversation in a node-local map for speed;
 * a node that lacks it, or holds an older round of it, rebuilds it by replaying the peer's
 * messages into a fresh conversation from the same seed (the server's answers come out
 * identical, which the stored digest checks) and carries on. A replay costs one TLS handshake of
 * CPU; nothing about the person is stored beyond what the peer sent (its TLS records are
 * encrypted; only an EAP identity is clear, as on the wire).
 *
 * <h2>Bounds</h2>
 * {@link EapLimits}: EAP message size, reassembled TLS message size, round trips and bytes per
 * conversation, conversations open on this node (new ones are refused beyond), and an idle
 * timeout after which both the live conversation and its record are gone.
 *
 * <h2>Wiring (the RADIUS listener's side)</h2>
 * One instance per node, built once with the outer TLS certificate chain and key (every node the
 * same, or replays diverge and are refused) and the cluster's store:
 * {@code new EapServer(chain, key, new InfinispanConversationStore(cache))} where {@code cache} is
 * {@code @Resource(lookup = "java:jboss/infinispan/cache/signet/eap") Cache<String, String>}. For
 * each Access-Request with EAP-Message attributes (after the Message-Authenticator check): join
 * their values, pass the State attribute's value (or null) and an {@link InnerAuthenticator} over
 * the people's RADIUS secrets, then answer per {@link EapStep}. On ACCEPT, apply the core's
 * decision (account state, groups) and, if it says no, answer {@link EapStep#refused} instead;
 * count a REJECT that names {@link EapStep#innerUsername()} toward that name's lockout; audit
 * {@link EapStep#method()} and {@link EapStep#reason()}.
 *
 * <h2>Never throws</h2>
 * Malformed, unexpected, stale or hostile input ends in {@link EapStep.Kind#REJECT} with an
 * EAP-Failure and a reason for the audit trail; an unexpected exception is caught and logged
 * without the message contents.
 */
public final class EapServer {
    private static final Logger LOG = Logger.getLogger(EapServer.class.getName());
    private static final HexFormat HEX = HexFormat.of();
    private static final int STATE_BYTES = 16;
    private static final int LOCKS = 64;

    private final ServerCredentials credentials;
    private final ConversationStore store;
    private final EapLimits limits;
    private final LongSupplier clockMillis;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final Object[] locks = new Object[LOCKS];
    private final AtomicLong lastSweep = new AtomicLong();

    /** A conversation this node holds in memory: valid while its round count matches the store's. */
    private static final class Live {
        final Conversation conversation;
        final byte[] seed;
        final List<byte[]> received;
        int bytes;
        long expiresAt;
        /** SHA-256 of the last message this copy sent: another node's round of the same length differs here. */
        byte[] lastSent;

        Live(Conversation conversation, byte[] seed, List<byte[]> received) {
            this.conversation = conversation;
            this.seed = seed;
            this.received = received;
            this.bytes = received.stream().mapToInt(m -> m.length).sum();
        }
    }

    /** A single node: conversations in this node's memory only. */
    public EapServer(X509Certificate[] chain, PrivateKey key) {
        this(chain, key, new LocalConversationStore());
    }

    /** Conversations in {@code store}, which a cluster's nodes share. */
    public EapServer(X509Certificate[] chain, PrivateKey key, ConversationStore store) {
        this(chain, key, store, EapLimits.DEFAULT, System::currentTimeMillis);
    }

    public EapServer(X509Certificate[] chain, PrivateKey key, ConversationStore store, EapLimits limits, LongSupplier clockMillis) {
        this.credentials = new ServerCredentials(chain, key);
        this.store = store;
        this.limits = limits;
        this.clockMillis = clockMillis;
        for (int i = 0; i < LOCKS; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * @param stateOrNull the State attribute's value, null on a conversation's first request
     * @param eapMessage  the EAP-Message attributes' values joined (empty for EAP-Start)
     * @param inner       where the person's RADIUS secret comes from
     */
    public EapStep step(byte[] stateOrNull, byte[] eapMessage, InnerAuthenticator inner) {
        try {
            if (eapMessage == null || eapMessage.length > limits.maxEapMessage()) {
                return refuse(eapMessage, "EAP message missing or too large");
            }
            return stateOrNull == null ? begin(eapMessage, inner) : resume(stateOrNull, eapMessage, inner);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "EAP conversation failed unexpectedly: {0}", e.getClass().getName());
            return refuse(eapMessage, "internal error: " + e.getClass().getSimpleName());
        }
    }

    /** Conversations this node holds in memory now. */
    public int openConversations() {
        return live.size();
    }

    private EapStep begin(byte[] message, InnerAuthenticator inner) {
        long now = clockMillis.getAsLong();
        sweep(now);
        if (live.size() >= limits.maxOpen()) {
            live.values().removeIf(l -> l.expiresAt <= now);
            if (live.size() >= limits.maxOpen()) {
                return refuse(message, "too many open EAP conversations");
            }
        }
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        Conversation conversation = new Conversation(credentials, new SeededRandom(seed), limits);
        Conversation.Reply reply = conversation.step(message, inner);
        if (reply.kind() != EapStep.Kind.CHALLENGE) {
            return finish(reply);
        }
        byte[] state = new byte[STATE_BYTES];
        random.nextBytes(state);
        String key = HEX.formatHex(state);
        List<byte[]> received = new ArrayList<>();
        received.add(message);
        Live held = new Live(conversation, seed, received);
        held.expiresAt = now + limits.timeout().toMillis();
        held.lastSent = digest(reply.eapMessage());
        live.put(key, held);
        store.put(key, new ConversationRecord(seed, held.lastSent, received).encode(), limits.timeout());
        return EapStep.challenge(reply.eapMessage(), state, reply.method());
    }

    private EapStep resume(byte[] state, byte[] message, InnerAuthenticator inner) {
        if (state.length != STATE_BYTES) {
            return refuse(message, "not a State of ours");
        }
        String key = HEX.formatHex(state);
        synchronized (locks[Math.floorMod(key.hashCode(), LOCKS)]) {
            long now = clockMillis.getAsLong();
            Optional<ConversationRecord> stored = store.get(key).flatMap(ConversationRecord::decode);
            if (stored.isEmpty()) {
                live.remove(key);
                return refuse(message, "unknown or expired EAP conversation");
            }
            Live held = live.get(key);
            if (held == null || held.expiresAt <= now || held.received.size() != stored.get().received().size()
                    || !MessageDigest.isEqual(held.lastSent, stored.get().lastSentDigest())) {
                Optional<Live> rebuilt = replay(stored.get(), inner);
                if (rebuilt.isEmpty()) {
                    forget(key);
                    return refuse(message, "EAP conversation could not be resumed on this node");
                }
                held = rebuilt.get();
                if (live.size() >= limits.maxOpen()) {
                    live.values().removeIf(l -> l.expiresAt <= now);
                }
                if (live.size() < limits.maxOpen()) {
                    live.put(key, held);
                }
            }
            if (held.received.size() >= limits.maxRounds() || held.bytes + message.length > limits.maxConversationBytes()) {
                forget(key);
                return refuse(message, "EAP conversation too long");
            }
            Conversation.Reply reply;
            try {
                reply = held.conversation.step(message, inner);
            } catch (RuntimeException e) {
                // a conversation that threw is in no state to go on, here or on any node
                forget(key);
                throw e;
            }
            held.received.add(message);
            held.bytes += message.length;
            held.expiresAt = now + limits.timeout().toMillis();
            if (reply.kind() != EapStep.Kind.CHALLENGE) {
                forget(key);
                return finish(reply);
            }
            held.lastSent = digest(reply.eapMessage());
            store.put(key, new ConversationRecord(held.seed, held.lastSent, held.received).encode(), limits.timeout());
            return EapStep.challenge(reply.eapMessage(), state, reply.method());
        }
    }

    /** Rebuilds a conversation from its seed and the peer's messages; empty if it does not come out as stored. */
    private Optional<Live> replay(ConversationRecord record, InnerAuthenticator inner) {
        Conversation conversation = new Conversation(credentials, new SeededRandom(record.seed()), limits);
        Conversation.Reply reply = null;
        for (byte[] message : record.received()) {
            reply = conversation.step(message, inner);
            if (reply.kind() != EapStep.Kind.CHALLENGE) {
                return Optional.empty();
            }
        }
        if (reply == null || !MessageDigest.isEqual(digest(reply.eapMessage()), record.lastSentDigest())) {
            return Optional.empty();
        }
        Live rebuilt = new Live(conversation, record.seed(), new ArrayList<>(record.received()));
        rebuilt.lastSent = record.lastSentDigest();
        rebuilt.expiresAt = clockMillis.getAsLong() + limits.timeout().toMillis();
        return Optional.of(rebuilt);
    }

    /** Drops abandoned conversations from memory, at most once a second (their records expire in the store by themselves). */
    private void sweep(long now) {
        long last = lastSweep.get();
        if (now - last >= 1000 && lastSweep.compareAndSet(last, now)) {
            live.values().removeIf(l -> l.expiresAt <= now);
        }
    }

    private void forget(String key) {
        live.remove(key);
        store.remove(key);
    }

    private static EapStep finish(Conversation.Reply reply) {
        return reply.kind() == EapStep.Kind.ACCEPT
                ? EapStep.accept(reply.eapMessage(), reply.username(), reply.msk(), reply.method())
                : EapStep.reject(reply.eapMessage(), reply.username(), reply.method(), reply.reason());
    }

    /** EAP-Failure answering whatever identifier the message had (RFC 3748 §4.2: the last request's). */
    private static EapStep refuse(byte[] message, String reason) {
        int identifier = message != null && message.length >= 2 ? message[1] & 0xFF : 0;
        return EapStep.reject(EapPacket.failure(identifier), null, null, reason);
    }

    private static byte[] digest(byte[] message) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
