package dev.signet.radius.eap;

import dev.signet.radius.mschap.MsChapV2;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * One EAP conversation, the authenticator's state machine (RFC 3748 §4, with the methods of
 * this package): a pure function of its seed and the peer's messages so far, so that it can be
 * rebuilt anywhere by replaying them (see {@link EapServer}).
 *
 * <p>Method choice: PEAP is offered first (every supplicant has it); a legacy Nak (§5.3.1) may
 * switch once to TTLS or EAP-MSCHAPv2. A response whose Identifier is not the outstanding
 * request's is answered with that request again (a retransmission that missed the listener's
 * duplicate cache, §4.1 allows resending). Any malformed or unexpected message ends the
 * conversation with EAP-Failure. Not thread-safe: {@link EapServer} serialises access.
 */
final class Conversation {
    private static final List<Integer> OFFERED = List.of(EapPacket.TYPE_PEAP, EapPacket.TYPE_TTLS, EapPacket.TYPE_MSCHAPV2);
    /** PEAPv0 (Microsoft) and TTLSv0: the only versions spoken. */
    private static final int VERSION = 0;
    /** Result TLV (Microsoft EAP-TLV type 3, mandatory), Success = 1 ([MS-PEAP] §2.2.8.1). */
    private static final byte[] RESULT_SUCCESS = {(byte) 0x80, 0x03, 0x00, 0x02, 0x00, 0x01};

    private enum Phase {
        NEW, IDENTITY, METHOD_OFFERED, TLS_HANDSHAKE, PEAP_TUNNEL_UP, PEAP_IDENTITY, PEAP_MSCHAP, PEAP_MSCHAP_SUCCESS,
        PEAP_RESULT, TTLS_AVPS, TTLS_MSCHAP_SUCCESS, MSCHAP, MSCHAP_SUCCESS, DONE
    }

    /** One answer, before {@link EapServer} adds the State. */
    record Reply(EapStep.Kind kind, byte[] eapMessage, String username, byte[] msk, String method, String reason) {
    }

    private final ServerCredentials credentials;
    private final SeededRandom random;
    private final EapLimits limits;
    private Phase phase = Phase.NEW;
    private int method;
    private boolean nakked;
    private int id;
    private byte[] outstanding;
    private String username;
    private TlsTunnel tls;
    private TlsFragments fragments;
    private MsChapV2Exchange mschap;
    private int innerId;
    private MsChapV2.Result innerResult;
    private boolean papChosen;
    private boolean mschapChosen;

    Conversation(ServerCredentials credentials, SeededRandom random, EapLimits limits) {
        this.credentials = credentials;
        this.random = random;
        this.limits = limits;
        this.id = random.nextInt(256);
    }

    Reply step(byte[] message, InnerAuthenticator inner) {
        if (phase == Phase.DONE) {
            return fail("conversation already ended");
        }
        if (phase == Phase.NEW && message.length == 0) {
            // EAP-Start (RFC 3579 §2.1): ask who it is
            phase = Phase.IDENTITY;
            return request(EapPacket.TYPE_IDENTITY, new byte[0]);
        }
        Optional<EapPacket> parsed = EapPacket.parse(message);
        if (parsed.isEmpty() || parsed.get().code() != EapPacket.RESPONSE) {
            return fail("malformed EAP message");
        }
        EapPacket packet = parsed.get();
        if (phase == Phase.NEW || phase == Phase.IDENTITY) {
            if (packet.type() != EapPacket.TYPE_IDENTITY || (phase == Phase.IDENTITY && packet.identifier() != id)) {
                return fail("the conversation must begin with an EAP identity");
            }
            if (packet.data().length > MsChapV2Exchange.MAX_NAME) {
                return fail("identity too long");
            }
            return offer(EapPacket.TYPE_PEAP);
        }
        if (packet.identifier() != id) {
            return new Reply(EapStep.Kind.CHALLENGE, outstanding, null, null, methodName(), null);
        }
        if (packet.type() == EapPacket.TYPE_NAK && phase == Phase.METHOD_OFFERED && !nakked) {
            return nak(packet.data());
        }
        if (packet.type() != method) {
            return fail("a response of another method");
        }
        try {
            return method == EapPacket.TYPE_MSCHAPV2 ? mschapV2(packet.data(), inner) : tunnelled(packet.data(), inner);
        } catch (IOException e) {
            // a TLS alert from Bouncy Castle (bad record, failed handshake): the reason, not the bytes
            return fail("TLS: " + e.getMessage());
        }
    }

    private Reply offer(int type) {
        method = type;
        phase = Phase.METHOD_OFFERED;
        if (type == EapPacket.TYPE_MSCHAPV2) {
            mschap = new MsChapV2Exchange(random);
            phase = Phase.MSCHAP;
            return request(type, mschap.challengeData());
        }
        fragments = new TlsFragments(limits.fragmentSize(), limits.maxTlsMessage());
        return request(type, new byte[] {(byte) (TlsFragments.FLAG_START | VERSION)});
    }

    /** Legacy Nak: the types the peer would rather have, in its order; the first we offer wins. */
    private Reply nak(byte[] desired) {
        nakked = true;
        for (byte b : desired) {
            int type = b & 0xFF;
            if (type != method && OFFERED.contains(type)) {
                return offer(type);
            }
        }
        return fail("no EAP method in common");
    }

    private Reply mschapV2(byte[] data, InnerAuthenticator inner) {
        if (phase == Phase.MSCHAP) {
            MsChapV2Exchange.Checked checked = mschap.check(data, inner);
            username = checked.username();
            if (checked.result().isEmpty()) {
                return fail(checked.reason());
            }
            innerResult = checked.result().get();
            phase = Phase.MSCHAP_SUCCESS;
            return request(EapPacket.TYPE_MSCHAPV2, mschap.successData(innerResult));
        }
        if (phase == Phase.MSCHAP_SUCCESS && MsChapV2Exchange.isSuccessAcknowledgement(data)) {
            return succeed(innerResult.msk());
        }
        return fail("unexpected MS-CHAPv2 message");
    }

    private Reply tunnelled(byte[] data, InnerAuthenticator inner) throws IOException {
        if ((data.length > 0 && (data[0] & 0x07) != VERSION)) {
            return fail("unsupported " + methodName() + " version");
        }
        TlsFragments.Received received = fragments.receive(data);
        if (received instanceof TlsFragments.Broken broken) {
            return fail(broken.why());
        }
        if (received instanceof TlsFragments.Acknowledged) {
            return request(method, fragments.next(VERSION));
        }
        if (received instanceof TlsFragments.Partial) {
            return request(method, new byte[] {VERSION});
        }
        byte[] whole = ((TlsFragments.Whole) received).data();
        if (phase == Phase.METHOD_OFFERED) {
            if (whole.length == 0) {
                return fail("no ClientHello");
            }
            tls = new TlsTunnel(credentials, random, method,
                    method == EapPacket.TYPE_PEAP ? "client EAP encryption" : "ttls keying material");
            phase = Phase.TLS_HANDSHAKE;
        }
        if (phase == Phase.TLS_HANDSHAKE) {
            return handshake(whole, inner);
        }
        if (whole.length == 0) {
            // the peer acknowledges our last message and has nothing to say
            if (phase == Phase.PEAP_TUNNEL_UP) {
                return peapStart();
            }
            if (phase == Phase.TTLS_MSCHAP_SUCCESS) {
                return succeed(tls.msk());
            }
            return fail("an empty message where the peer must answer");
        }
        byte[] output = tls.receive(whole);
        byte[] plaintext = tls.applicationData();
        if (plaintext.length == 0) {
            return output.length > 0 ? sendTls(output) : fail("no data in the tunnel");
        }
        return method == EapPacket.TYPE_PEAP ? peapInner(plaintext, inner) : ttlsAvps(plaintext, inner);
    }

    private Reply handshake(byte[] whole, InnerAuthenticator inner) throws IOException {
        if (whole.length == 0) {
            return fail("empty message during the TLS handshake");
        }
        byte[] output = tls.receive(whole);
        if (!tls.established()) {
            return output.length > 0 ? sendTls(output) : fail("TLS handshake stalled");
        }
        byte[] plaintext = tls.applicationData();
        if (method == EapPacket.TYPE_PEAP) {
            if (output.length > 0) {
                // TLS 1.2: our ChangeCipherSpec and Finished first; phase 2 starts on the peer's acknowledgement
                phase = Phase.PEAP_TUNNEL_UP;
                return sendTls(output);
            }
            return peapStart();
        }
        phase = Phase.TTLS_AVPS;
        if (plaintext.length > 0) {
            return ttlsAvps(plaintext, inner);
        }
        // TLS 1.2: our Finished; TLS 1.3: nothing to send, so an empty request for the peer's AVPs
        return output.length > 0 ? sendTls(output) : request(method, new byte[] {VERSION});
    }

    // --- PEAPv0 phase 2: inner EAP without its header, except EAP-TLV ([MS-PEAP] §3.1.5.6) -------

    private Reply peapStart() throws IOException {
        phase = Phase.PEAP_IDENTITY;
        innerId = random.nextInt(256);
        return sealInner(new byte[] {EapPacket.TYPE_IDENTITY});
    }

    private Reply peapInner(byte[] plaintext, InnerAuthenticator inner) throws IOException {
        if (phase == Phase.PEAP_RESULT) {
            Optional<EapPacket> tlv = EapPacket.parse(plaintext);
            if (tlv.isPresent() && tlv.get().code() == EapPacket.RESPONSE && tlv.get().identifier() == innerId
                    && tlv.get().type() == EapPacket.TYPE_TLV && resultSuccess(tlv.get().data())) {
                return succeed(tls.msk());
            }
            return fail("the peer did not confirm the PEAP result");
        }
        int type = plaintext[0] & 0xFF;
        byte[] data = Arrays.copyOfRange(plaintext, 1, plaintext.length);
        switch (phase) {
            case PEAP_IDENTITY -> {
                if (type != EapPacket.TYPE_IDENTITY || data.length > MsChapV2Exchange.MAX_NAME) {
                    return fail("no inner identity");
                }
                username = new String(data, StandardCharsets.UTF_8);
                mschap = new MsChapV2Exchange(random);
                phase = Phase.PEAP_MSCHAP;
                innerId = (innerId + 1) & 0xFF;
                return sealInner(concat(EapPacket.TYPE_MSCHAPV2, mschap.challengeData()));
            }
            case PEAP_MSCHAP -> {
                if (type != EapPacket.TYPE_MSCHAPV2) {
                    return fail("the peer refused inner MS-CHAPv2");
                }
                MsChapV2Exchange.Checked checked = mschap.check(data, inner);
                if (checked.username() != null) {
                    username = checked.username();
                }
                if (checked.result().isEmpty()) {
                    return fail(checked.reason());
                }
                innerResult = checked.result().get();
                phase = Phase.PEAP_MSCHAP_SUCCESS;
                innerId = (innerId + 1) & 0xFF;
                return sealInner(concat(EapPacket.TYPE_MSCHAPV2, mschap.successData(innerResult)));
            }
            case PEAP_MSCHAP_SUCCESS -> {
                if (type != EapPacket.TYPE_MSCHAPV2 || !MsChapV2Exchange.isSuccessAcknowledgement(data)) {
                    return fail("the peer did not acknowledge MS-CHAPv2 success");
                }
                phase = Phase.PEAP_RESULT;
                innerId = (innerId + 1) & 0xFF;
                byte[] tlv = EapPacket.request(innerId, EapPacket.TYPE_TLV, RESULT_SUCCESS);
                return sendTls(tls.send(tlv));
            }
            default -> {
                return fail("unexpected data in the PEAP tunnel");
            }
        }
    }

    /**
     * Whether the peer's TLVs ([MS-PEAP] §2.2.8: 2 bytes M/R/type, 2 bytes length, value) hold a
     * Result TLV (type 3) saying Success (1); other optional TLVs are passed over.
     */
    private static boolean resultSuccess(byte[] tlvs) {
        boolean success = false;
        int at = 0;
        while (at + 4 <= tlvs.length) {
            int type = ((tlvs[at] & 0x3F) << 8) | (tlvs[at + 1] & 0xFF);
            int length = ((tlvs[at + 2] & 0xFF) << 8) | (tlvs[at + 3] & 0xFF);
            if (at + 4 + length > tlvs.length) {
                return false;
            }
            if (type == 3) {
                success = length == 2 && tlvs[at + 4] == 0 && tlvs[at + 5] == 1;
            } else if ((tlvs[at] & 0x80) != 0) {
                return false;
            }
            at += 4 + length;
        }
        return success && at == tlvs.length;
    }

    /** A headerless inner request ([type][data]) through the tunnel. */
    private Reply sealInner(byte[] typeAndData) throws IOException {
        return sendTls(tls.send(typeAndData));
    }

    // --- EAP-TTLS phase 2: AVPs (RFC 5281 §11.2) ----------------------------------------------------

    private Reply ttlsAvps(byte[] plaintext, InnerAuthenticator inner) throws IOException {
        if (phase != Phase.TTLS_AVPS) {
            return fail("unexpected data in the TTLS tunnel");
        }
        Optional<List<DiameterAvps.Avp>> parsed = DiameterAvps.parse(plaintext);
        if (parsed.isEmpty()) {
            return fail("malformed TTLS AVPs");
        }
        DiameterAvps.Avp name = null;
        DiameterAvps.Avp password = null;
        DiameterAvps.Avp challenge = null;
        DiameterAvps.Avp response = null;
        for (DiameterAvps.Avp avp : parsed.get()) {
            if (avp.is(0, DiameterAvps.USER_NAME)) {
                name = avp;
            } else if (avp.is(0, DiameterAvps.USER_PASSWORD)) {
                password = avp;
            } else if (avp.is(DiameterAvps.MICROSOFT, DiameterAvps.MS_CHAP_CHALLENGE)) {
                challenge = avp;
            } else if (avp.is(DiameterAvps.MICROSOFT, DiameterAvps.MS_CHAP2_RESPONSE)) {
                response = avp;
            } else if (avp.mandatory()) {
                // RFC 5281 §10.1: an unknown mandatory AVP fails the negotiation
                return fail("unsupported mandatory TTLS AVP " + avp.vendor() + "/" + avp.code());
            }
        }
        if (name == null || name.data().length == 0 || name.data().length > MsChapV2Exchange.MAX_NAME) {
            return fail("no TTLS User-Name");
        }
        username = new String(name.data(), StandardCharsets.UTF_8);
        if (password != null) {
            return ttlsPap(password.data(), inner);
        }
        if (challenge != null && response != null) {
            return ttlsMsChapV2(challenge.data(), response.data(), inner);
        }
        return fail("no TTLS inner method");
    }

    /** RFC 5281 §11.2.5: User-Password, padded with zeros to a multiple of 16 (at most 128 bytes). */
    private Reply ttlsPap(byte[] padded, InnerAuthenticator inner) {
        papChosen = true;
        if (padded.length == 0 || padded.length > 128) {
            return fail("malformed TTLS User-Password");
        }
        int end = padded.length;
        while (end > 0 && padded[end - 1] == 0) {
            end--;
        }
        byte[] given = Arrays.copyOf(padded, end);
        Optional<char[]> secret = inner.radiusSecretOf(username);
        byte[] expected = secret.map(Conversation::utf8).orElseGet(() -> new byte[given.length]);
        secret.ifPresent(s -> Arrays.fill(s, '\0'));
        // compared as digests: equal length, so the time taken tells nothing about the secret's length either
        boolean right = secret.isPresent() & MessageDigest.isEqual(sha256(expected), sha256(given));
        Arrays.fill(expected, (byte) 0);
        Arrays.fill(given, (byte) 0);
        return right ? succeed(tls.msk()) : fail("wrong secret or no such person");
    }

    /**
     * RFC 5281 §11.2.4: the MS-CHAP-Challenge must be the 16 bytes derived from the TLS keys
     * ("ttls challenge") and the MS-CHAP2-Response's Ident their 17th, which proves the inner
     * exchange belongs to this tunnel; success answers MS-CHAP2-Success (Ident, "S=...").
     */
    private Reply ttlsMsChapV2(byte[] challenge, byte[] response, InnerAuthenticator inner) throws IOException {
        mschapChosen = true;
        byte[] implicit = tls.ttlsChallenge();
        if (challenge.length != 16 || response.length != 50 || !MessageDigest.isEqual(challenge, Arrays.copyOf(implicit, 16))
                || response[0] != implicit[16]) {
            return fail("TTLS MS-CHAPv2 challenge not derived from this tunnel");
        }
        byte[] peerChallenge = Arrays.copyOfRange(response, 2, 18);
        byte[] ntResponse = Arrays.copyOfRange(response, 26, 50);
        Optional<MsChapV2.Result> result = MsChapV2Exchange.verify(username, inner, challenge, peerChallenge, ntResponse);
        if (result.isEmpty()) {
            return fail("wrong secret or no such person");
        }
        phase = Phase.TTLS_MSCHAP_SUCCESS;
        byte[] success = concat(response[0], result.get().authenticatorResponse().getBytes(StandardCharsets.US_ASCII));
        return sendTls(tls.send(DiameterAvps.encode(new DiameterAvps.Avp(DiameterAvps.MS_CHAP2_SUCCESS, DiameterAvps.MICROSOFT, true, success))));
    }

    // --- answers ----------------------------------------------------------------------------------

    private Reply sendTls(byte[] records) {
        return request(method, fragments.send(records, VERSION));
    }

    private Reply request(int type, byte[] data) {
        id = (id + 1) & 0xFF;
        outstanding = EapPacket.request(id, type, data);
        return new Reply(EapStep.Kind.CHALLENGE, outstanding, null, null, methodName(), null);
    }

    private Reply succeed(byte[] msk) {
        phase = Phase.DONE;
        return new Reply(EapStep.Kind.ACCEPT, EapPacket.success(id), username, msk, methodName(), null);
    }

    private Reply fail(String reason) {
        phase = Phase.DONE;
        return new Reply(EapStep.Kind.REJECT, EapPacket.failure(id), username, null, methodName(), reason);
    }

    String methodName() {
        return switch (method) {
            case EapPacket.TYPE_PEAP -> "PEAP-MSCHAPv2";
            case EapPacket.TYPE_TTLS -> papChosen ? "TTLS-PAP" : mschapChosen ? "TTLS-MSCHAPv2" : "TTLS";
            case EapPacket.TYPE_MSCHAPV2 -> "EAP-MSCHAPv2";
            default -> null;
        };
    }

    String tlsVersion() {
        return tls == null ? null : tls.version();
    }

    private static byte[] concat(int first, byte[] rest) {
        byte[] out = new byte[1 + rest.length];
        out[0] = (byte) first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    private static byte[] sha256(byte[] in) {
        SHA256Digest sha = new SHA256Digest();
        sha.update(in, 0, in.length);
        byte[] out = new byte[32];
        sha.doFinal(out, 0);
        return out;
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return out;
    }
}
