package dev.signet.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RADIUS Access-Requests built octet by octet (RFC 2865), for the checks no Debian client can
 * make: a packet without Message-Authenticator, a replayed identifier, mutated packets, the
 * answer's raw first attribute. Written independently of the server's codec, so that both do
 * not share a mistake.
 */
final class RadiusPackets {
    static final int ACCESS_REQUEST = 1;
    static final int MESSAGE_AUTHENTICATOR = 80;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RadiusPackets() {
    }

    /** A PAP Access-Request for {@code user}, with a valid Message-Authenticator first when {@code signed}. */
    static byte[] pap(int identifier, String user, String password, byte[] secret, boolean signed) throws Exception {
        byte[] authenticator = new byte[16];
        RANDOM.nextBytes(authenticator);
        ByteArrayOutputStream attributes = new ByteArrayOutputStream();
        if (signed) {
            attribute(attributes, MESSAGE_AUTHENTICATOR, new byte[16]);
        }
        attribute(attributes, 1, user.getBytes(StandardCharsets.UTF_8));
        attribute(attributes, 2, hidePassword(password.getBytes(StandardCharsets.UTF_8), secret, authenticator));
        byte[] body = attributes.toByteArray();
        byte[] packet = new byte[20 + body.length];
        packet[0] = ACCESS_REQUEST;
        packet[1] = (byte) identifier;
        packet[2] = (byte) (packet.length >> 8);
        packet[3] = (byte) packet.length;
        System.arraycopy(authenticator, 0, packet, 4, 16);
        System.arraycopy(body, 0, packet, 20, body.length);
        if (signed) {
            System.arraycopy(hmacMd5(secret, packet), 0, packet, 22, 16);
        }
        return packet;
    }

    private static void attribute(ByteArrayOutputStream out, int type, byte[] value) {
        out.write(type);
        out.write(value.length + 2);
        out.writeBytes(value);
    }

    /** RFC 2865 section 5.2. */
    private static byte[] hidePassword(byte[] password, byte[] secret, byte[] authenticator) throws Exception {
        byte[] padded = Arrays.copyOf(password, Math.max(16, (password.length + 15) / 16 * 16));
        byte[] out = new byte[padded.length];
        byte[] previous = authenticator;
        for (int i = 0; i < padded.length; i += 16) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(secret);
            md5.update(previous);
            byte[] b = md5.digest();
            for (int j = 0; j < 16; j++) {
                out[i + j] = (byte) (padded[i + j] ^ b[j]);
            }
            previous = Arrays.copyOfRange(out, i, i + 16);
        }
        return out;
    }

    static byte[] hmacMd5(byte[] secret, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacMD5");
        mac.init(new SecretKeySpec(secret, "HmacMD5"));
        return mac.doFinal(data);
    }

    /** Whether the answer's Message-Authenticator (its first attribute) is right for the request it answers (RFC 3579 section 3.2). */
    static boolean messageAuthenticatorFirstAndValid(byte[] reply, byte[] request, byte[] secret) throws Exception {
        if (reply.length < 38 || (reply[20] & 0xff) != MESSAGE_AUTHENTICATOR || (reply[21] & 0xff) != 18) {
            return false;
        }
        byte[] work = reply.clone();
        System.arraycopy(request, 4, work, 4, 16);
        Arrays.fill(work, 22, 38, (byte) 0);
        return MessageDigest.isEqual(hmacMd5(secret, work), Arrays.copyOfRange(reply, 22, 38));
    }
}
