package dev.signet.radius.adapter;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One received datagram read as a RADIUS packet (RFC 2865 section 3): code, identifier, length,
 * authenticator and attributes. Octets past the length field are padding and ignored; a packet
 * shorter than it says, or longer than 4096 octets, is not a packet.
 */
final class RadiusPacket {
    static final int HEADER = 20;
    static final int MAX_LENGTH = 4096;
    static final int ACCESS_REQUEST = 1;
    static final int ACCESS_ACCEPT = 2;
    static final int ACCESS_REJECT = 3;
    static final int ACCOUNTING_REQUEST = 4;
    static final int ACCOUNTING_RESPONSE = 5;
    static final int ACCESS_CHALLENGE = 11;
    static final int STATUS_SERVER = 12;

    private final byte[] octets;
    private final RawAttributes attributes;

    private RadiusPacket(byte[] octets, RawAttributes attributes) {
        this.octets = octets;
        this.attributes = attributes;
    }

    /** The packet in these octets, or empty when they are not one. */
    static Optional<RadiusPacket> parse(byte[] datagram, int received) {
        if (received < HEADER || received > MAX_LENGTH) {
            return Optional.empty();
        }
        int length = ((datagram[2] & 0xff) << 8) | (datagram[3] & 0xff);
        if (length < HEADER || length > received) {
            return Optional.empty();
        }
        byte[] octets = Arrays.copyOf(datagram, length);
        return RawAttributes.of(octets, length).map(a -> new RadiusPacket(octets, a));
    }

    int code() {
        return octets[0] & 0xff;
    }

    int identifier() {
        return octets[1] & 0xff;
    }

    byte[] authenticator() {
        return Arrays.copyOfRange(octets, 4, HEADER);
    }

    /** A copy of the packet's octets (the codec overwrites parts of what it is given). */
    byte[] octets() {
        return octets.clone();
    }

    RawAttributes attributes() {
        return attributes;
    }

    /** How many Message-Authenticator attributes the packet has, and whether each is 16 octets (RFC 3579 section 3.2). */
    MessageAuthenticatorPresence messageAuthenticator() {
        var found = attributes.all(RawAttributes.MESSAGE_AUTHENTICATOR);
        if (found.isEmpty()) {
            return MessageAuthenticatorPresence.ABSENT;
        }
        return found.size() == 1 && found.get(0).value().length == 16 ? MessageAuthenticatorPresence.ONE : MessageAuthenticatorPresence.MALFORMED;
    }

    enum MessageAuthenticatorPresence {
        ABSENT, ONE, MALFORMED
    }

    /**
     * RFC 3579 section 3.2: HMAC-MD5 over the packet with the Message-Authenticator's value zeroed,
     * keyed with the shared secret, compared in constant time.
     */
    boolean messageAuthenticatorValid(byte[] secret) {
        var attribute = attributes.all(RawAttributes.MESSAGE_AUTHENTICATOR).get(0);
        byte[] work = octets.clone();
        Arrays.fill(work, attribute.offset() + 2, attribute.offset() + 18, (byte) 0);
        return MessageDigest.isEqual(attribute.value(), hmacMd5(secret, work));
    }

    /** RFC 2866 section 3: the Accounting-Request authenticator is MD5(packet with a zero authenticator + secret). */
    boolean accountingAuthenticatorValid(byte[] secret) {
        byte[] work = octets.clone();
        Arrays.fill(work, 4, HEADER, (byte) 0);
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(work);
            md5.update(secret);
            return MessageDigest.isEqual(authenticator(), md5.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }

    static byte[] hmacMd5(byte[] secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(secret, "HmacMD5"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-MD5 unavailable", e);
        }
    }
}
