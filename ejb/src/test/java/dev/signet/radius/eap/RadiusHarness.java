package dev.signet.radius.eap;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Just enough RADIUS (RFC 2865, RFC 3579, RFC 2548 for the MPPE keys) around an {@link EapServer}
 * for eapol_test to talk to, in tests of this package only: the real listener is the RADIUS
 * adapter's. Checks nothing beyond what eapol_test needs; answers one request at a time.
 */
final class RadiusHarness implements AutoCloseable {
    private static final int EAP_MESSAGE = 79;
    private static final int STATE = 24;
    private static final int MESSAGE_AUTHENTICATOR = 80;
    private static final int USER_NAME = 1;
    private static final int VENDOR_SPECIFIC = 26;

    private final DatagramSocket socket;
    private final byte[] secret;
    private final EapServer server;
    private final InnerAuthenticator inner;
    private final Thread thread;
    volatile EapStep last;

    RadiusHarness(EapServer server, InnerAuthenticator inner, String secret) throws SocketException {
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.secret = secret.getBytes(StandardCharsets.US_ASCII);
        this.server = server;
        this.inner = inner;
        this.thread = new Thread(this::serve, "radius-harness");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                byte[] request = Arrays.copyOf(packet.getData(), packet.getLength());
                byte[] reply = answer(request);
                socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            } catch (Exception e) {
                if (!socket.isClosed()) {
                    e.printStackTrace();
                }
            }
        }
    }

    private byte[] answer(byte[] request) throws Exception {
        ByteArrayOutputStream eap = new ByteArrayOutputStream();
        byte[] state = null;
        for (int at = 20; at + 2 <= request.length;) {
            int type = request[at] & 0xFF;
            int length = request[at + 1] & 0xFF;
            byte[] value = Arrays.copyOfRange(request, at + 2, at + length);
            if (type == EAP_MESSAGE) {
                eap.writeBytes(value);
            } else if (type == STATE) {
                state = value;
            }
            at += length;
        }
        EapStep step = server.step(state, eap.toByteArray(), inner);
        last = step;
        byte[] requestAuthenticator = Arrays.copyOfRange(request, 4, 20);
        ByteArrayOutputStream attributes = new ByteArrayOutputStream();
        attribute(attributes, MESSAGE_AUTHENTICATOR, new byte[16]);
        byte[] message = step.eapMessage();
        for (int at = 0; at < message.length; at += 253) {
            attribute(attributes, EAP_MESSAGE, Arrays.copyOfRange(message, at, Math.min(message.length, at + 253)));
        }
        int code = switch (step.kind()) {
            case CHALLENGE -> 11;
            case ACCEPT -> 2;
            case REJECT -> 3;
        };
        if (step.kind() == EapStep.Kind.CHALLENGE) {
            attribute(attributes, STATE, step.state());
        }
        if (step.kind() == EapStep.Kind.ACCEPT) {
            attribute(attributes, USER_NAME, step.innerUsername().getBytes(StandardCharsets.UTF_8));
            attribute(attributes, VENDOR_SPECIFIC, mppe(17, step.mppeRecvKey(), requestAuthenticator));
            attribute(attributes, VENDOR_SPECIFIC, mppe(16, step.mppeSendKey(), requestAuthenticator));
        }
        byte[] attrs = attributes.toByteArray();
        byte[] reply = new byte[20 + attrs.length];
        reply[0] = (byte) code;
        reply[1] = request[1];
        reply[2] = (byte) (reply.length >>> 8);
        reply[3] = (byte) reply.length;
        System.arraycopy(requestAuthenticator, 0, reply, 4, 16);
        System.arraycopy(attrs, 0, reply, 20, attrs.length);
        Mac hmac = Mac.getInstance("HmacMD5");
        hmac.init(new SecretKeySpec(secret, "HmacMD5"));
        System.arraycopy(hmac.doFinal(reply), 0, reply, 22, 16);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(reply);
        md5.update(secret);
        System.arraycopy(md5.digest(), 0, reply, 4, 16);
        return reply;
    }

    private static void attribute(ByteArrayOutputStream out, int type, byte[] value) {
        out.write(type);
        out.write(value.length + 2);
        out.writeBytes(value);
    }

    /** RFC 2548 §2.4.2: vendor 311, salt with its high bit set, the key's length and the key, MD5-chained. */
    private byte[] mppe(int vendorType, byte[] key, byte[] requestAuthenticator) throws Exception {
        byte[] salt = new byte[2];
        new SecureRandom().nextBytes(salt);
        salt[0] |= (byte) 0x80;
        int plainLength = (key.length + 1 + 15) / 16 * 16;
        byte[] plain = new byte[plainLength];
        plain[0] = (byte) key.length;
        System.arraycopy(key, 0, plain, 1, key.length);
        byte[] cipher = new byte[plainLength];
        byte[] previous = null;
        for (int block = 0; block < plainLength; block += 16) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(secret);
            if (previous == null) {
                md5.update(requestAuthenticator);
                md5.update(salt);
            } else {
                md5.update(previous);
            }
            byte[] b = md5.digest();
            for (int i = 0; i < 16; i++) {
                cipher[block + i] = (byte) (plain[block + i] ^ b[i]);
            }
            previous = Arrays.copyOfRange(cipher, block, block + 16);
        }
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        value.writeBytes(new byte[] {0, 0, 0x01, 0x37, (byte) vendorType, (byte) (2 + 2 + cipher.length)});
        value.writeBytes(salt);
        value.writeBytes(cipher);
        return value.toByteArray();
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(5000);
    }
}
