package dev.signet.radius.eap;

import dev.signet.radius.mschap.MsChapV2;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import java.util.function.UnaryOperator;

/**
 * A supplicant for tests, on Bouncy Castle's TLS client: answers the server's EAP requests for
 * PEAPv0/MSCHAPv2, TTLS/PAP or TTLS/MSCHAPv2, fragmenting its own TLS messages into small pieces
 * (so the server's reassembly is exercised), and derives the MSK independently.
 */
final class EapPeer {
    enum Method {
        PEAP(25), TTLS_PAP(21), TTLS_MSCHAPV2(21), MSCHAPV2(26);

        final int type;

        Method(int type) {
            this.type = type;
        }
    }

    private static final int FRAGMENT = 300;
    private final Method method;
    private final String user;
    private final char[] password;
    private final ProtocolVersion[] versions;
    private TlsClientProtocol tls;
    private byte[] keyMaterial;
    private byte[] ttlsChallenge;
    private ByteArrayOutputStream incoming = new ByteArrayOutputStream();
    private byte[] sending;
    private int sent;
    private String expectedAuthenticator;
    private boolean avpsSent;
    byte[] mschapMsk;
    String serverSaid;
    /** When set, changes each plaintext the client sends inside the tunnel (to fuzz the server's phase 2). */
    UnaryOperator<byte[]> tamper = UnaryOperator.identity();
    /** When set, the only cipher suites the client offers. */
    int[] offeredSuites;

    EapPeer(Method method, String user, String password, ProtocolVersion... versions) {
        this.method = method;
        this.user = user;
        this.password = password.toCharArray();
        this.versions = versions.length == 0 ? ProtocolVersion.TLSv13.downTo(ProtocolVersion.TLSv12) : versions;
    }

    byte[] msk() {
        return method == Method.MSCHAPV2 ? mschapMsk : Arrays.copyOf(keyMaterial, 64);
    }

    static byte[] identity(int id, String name) {
        return EapPacket.response(id, EapPacket.TYPE_IDENTITY, name.getBytes(StandardCharsets.UTF_8));
    }

    /** The response to one server request. */
    byte[] answer(byte[] request) throws IOException {
        EapPacket p = EapPacket.parse(request).orElseThrow();
        if (p.code() != EapPacket.REQUEST) {
            throw new IllegalStateException("not a request: " + p);
        }
        int id = p.identifier();
        if (p.type() == EapPacket.TYPE_IDENTITY) {
            return identity(id, "anonymous");
        }
        if (p.type() != method.type) {
            return EapPacket.response(id, EapPacket.TYPE_NAK, new byte[] {(byte) method.type});
        }
        if (method == Method.MSCHAPV2) {
            byte[] reply = mschap(p.data());
            return EapPacket.response(id, EapPacket.TYPE_MSCHAPV2, reply);
        }
        byte[] data = p.data();
        int flags = data[0] & 0xFF;
        if ((flags & TlsFragments.FLAG_START) != 0) {
            startTls();
            return tlsResponse(id, output());
        }
        if (sending != null) {
            // the server acknowledged our fragment
            return EapPacket.response(id, method.type, nextFragment());
        }
        int offset = (flags & TlsFragments.FLAG_LENGTH) != 0 ? 5 : 1;
        incoming.write(data, offset, data.length - offset);
        if ((flags & TlsFragments.FLAG_MORE) != 0) {
            return EapPacket.response(id, method.type, new byte[] {0});
        }
        byte[] whole = incoming.toByteArray();
        incoming = new ByteArrayOutputStream();
        if (whole.length > 0) {
            tls.offerInput(whole);
        }
        byte[] out = output();
        byte[] plain = new byte[tls.getAvailableInputBytes()];
        tls.readInput(plain, 0, plain.length);
        if (tls.isHandshaking()) {
            return tlsResponse(id, out);
        }
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        reply.writeBytes(out);
        if (method == Method.PEAP) {
            if (plain.length > 0) {
                reply.writeBytes(seal(peapInner(plain)));
            }
        } else {
            if (!avpsSent) {
                avpsSent = true;
                reply.writeBytes(seal(ttlsAvps()));
            } else if (plain.length > 0) {
                checkTtlsSuccess(plain);
            }
        }
        return tlsResponse(id, reply.toByteArray());
    }

    private void startTls() throws IOException {
        tls = new TlsClientProtocol();
        tls.connect(new DefaultTlsClient(new BcTlsCrypto(new SecureRandom())) {
            @Override
            protected ProtocolVersion[] getSupportedVersions() {
                return versions;
            }

            @Override
            protected int[] getSupportedCipherSuites() {
                return offeredSuites != null ? offeredSuites : super.getSupportedCipherSuites();
            }

            @Override
            public TlsAuthentication getAuthentication() {
                return new TlsAuthentication() {
                    @Override
                    public void notifyServerCertificate(TlsServerCertificate serverCertificate) {
                        // tests trust the server they made
                    }

                    @Override
                    public TlsCredentials getClientCredentials(CertificateRequest certificateRequest) {
                        return null;
                    }
                };
            }

            @Override
            public void notifyHandshakeComplete() throws IOException {
                super.notifyHandshakeComplete();
                SecurityParameters sp = context.getSecurityParametersConnection();
                if (TlsUtils.isTLSv13(sp.getNegotiatedVersion())) {
                    keyMaterial = context.exportKeyingMaterial("EXPORTER_EAP_TLS_Key_Material", new byte[] {(byte) method.type}, 128);
                    ttlsChallenge = context.exportKeyingMaterial("ttls challenge", new byte[0], 17);
                } else {
                    byte[] seed = org.bouncycastle.util.Arrays.concatenate(sp.getClientRandom(), sp.getServerRandom());
                    String label = method == Method.PEAP ? "client EAP encryption" : "ttls keying material";
                    keyMaterial = TlsUtils.PRF(sp, sp.getMasterSecret(), label, seed, 128).extract();
                    ttlsChallenge = TlsUtils.PRF(sp, sp.getMasterSecret(), "ttls challenge", seed, 17).extract();
                }
            }
        });
    }

    private byte[] output() {
        byte[] out = new byte[tls.getAvailableOutputBytes()];
        tls.readOutput(out, 0, out.length);
        return out;
    }

    private byte[] seal(byte[] clear) throws IOException {
        byte[] plain = tamper.apply(clear);
        tls.writeApplicationData(plain, 0, plain.length);
        return output();
    }

    private byte[] tlsResponse(int id, byte[] records) {
        if (records.length == 0) {
            return EapPacket.response(id, method.type, new byte[] {0});
        }
        sending = records;
        sent = 0;
        return EapPacket.response(id, method.type, nextFragment());
    }

    private byte[] nextFragment() {
        int n = Math.min(FRAGMENT, sending.length - sent);
        boolean more = sent + n < sending.length;
        boolean first = sent == 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((more ? TlsFragments.FLAG_MORE : 0) | (first && more ? TlsFragments.FLAG_LENGTH : 0));
        if (first && more) {
            int l = sending.length;
            out.write(l >>> 24);
            out.write(l >>> 16);
            out.write(l >>> 8);
            out.write(l);
        }
        out.write(sending, sent, n);
        sent += n;
        if (!more) {
            sending = null;
        }
        return out.toByteArray();
    }

    // --- inner methods ---

    private byte[] peapInner(byte[] plain) {
        if (plain[0] == EapPacket.REQUEST && plain.length >= 5 && (plain[4] & 0xFF) == EapPacket.TYPE_TLV) {
            EapPacket tlv = EapPacket.parse(plain).orElseThrow();
            return EapPacket.response(tlv.identifier(), EapPacket.TYPE_TLV, tlv.data());
        }
        int type = plain[0] & 0xFF;
        byte[] data = Arrays.copyOfRange(plain, 1, plain.length);
        if (type == EapPacket.TYPE_IDENTITY) {
            return concat(new byte[] {EapPacket.TYPE_IDENTITY}, user.getBytes(StandardCharsets.UTF_8));
        }
        return concat(new byte[] {EapPacket.TYPE_MSCHAPV2}, mschap(data));
    }

    private final byte[] peerChallenge = new byte[16];

    /** EAP-MSCHAPv2 peer: answers a Challenge, acknowledges a Success whose authenticator is right. */
    private byte[] mschap(byte[] data) {
        if (data[0] == MsChapV2Exchange.CHALLENGE) {
            byte[] challenge = Arrays.copyOfRange(data, 5, 21);
            new SecureRandom().nextBytes(peerChallenge);
            byte[] nt = MsChapV2.ntResponse(challenge, peerChallenge, user, password);
            byte[] name = user.getBytes(StandardCharsets.UTF_8);
            int msLength = 5 + 49 + name.length;
            byte[] out = new byte[msLength];
            out[0] = MsChapV2Exchange.RESPONSE;
            out[1] = data[1];
            out[2] = (byte) (msLength >>> 8);
            out[3] = (byte) msLength;
            out[4] = 49;
            System.arraycopy(peerChallenge, 0, out, 5, 16);
            System.arraycopy(nt, 0, out, 29, 24);
            System.arraycopy(name, 0, out, 54, name.length);
            MsChapV2.Result expected = MsChapV2.verify(user, password, challenge, peerChallenge, nt).orElseThrow();
            expectedAuthenticator = expected.authenticatorResponse();
            mschapMsk = expected.msk();
            return out;
        }
        if (data[0] == MsChapV2Exchange.SUCCESS) {
            serverSaid = new String(data, 4, data.length - 4, StandardCharsets.US_ASCII);
            if (!serverSaid.startsWith(expectedAuthenticator)) {
                throw new IllegalStateException("the server does not know the password: " + serverSaid);
            }
            return new byte[] {MsChapV2Exchange.SUCCESS};
        }
        throw new IllegalStateException("unexpected MS-CHAPv2 opcode " + data[0]);
    }

    private byte[] ttlsAvps() {
        DiameterAvps.Avp name = new DiameterAvps.Avp(DiameterAvps.USER_NAME, 0, true, user.getBytes(StandardCharsets.UTF_8));
        if (method == Method.TTLS_PAP) {
            byte[] pw = new String(password).getBytes(StandardCharsets.UTF_8);
            byte[] padded = Arrays.copyOf(pw, (pw.length + 15) / 16 * 16);
            return DiameterAvps.encode(name, new DiameterAvps.Avp(DiameterAvps.USER_PASSWORD, 0, true, padded));
        }
        byte[] challenge = Arrays.copyOf(ttlsChallenge, 16);
        new SecureRandom().nextBytes(peerChallenge);
        byte[] nt = MsChapV2.ntResponse(challenge, peerChallenge, user, password);
        byte[] response = new byte[50];
        response[0] = ttlsChallenge[16];
        System.arraycopy(peerChallenge, 0, response, 2, 16);
        System.arraycopy(nt, 0, response, 26, 24);
        expectedAuthenticator = MsChapV2.verify(user, password, challenge, peerChallenge, nt).orElseThrow().authenticatorResponse();
        return DiameterAvps.encode(name,
                new DiameterAvps.Avp(DiameterAvps.MS_CHAP_CHALLENGE, DiameterAvps.MICROSOFT, true, challenge),
                new DiameterAvps.Avp(DiameterAvps.MS_CHAP2_RESPONSE, DiameterAvps.MICROSOFT, true, response));
    }

    private void checkTtlsSuccess(byte[] plain) {
        DiameterAvps.Avp success = DiameterAvps.parse(plain).orElseThrow().get(0);
        serverSaid = new String(success.data(), 1, success.data().length - 1, StandardCharsets.US_ASCII);
        if (!success.is(DiameterAvps.MICROSOFT, DiameterAvps.MS_CHAP2_SUCCESS) || !serverSaid.equals(expectedAuthenticator)) {
            throw new IllegalStateException("the server does not know the password: " + serverSaid);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return org.bouncycastle.util.Arrays.concatenate(a, b);
    }
}
