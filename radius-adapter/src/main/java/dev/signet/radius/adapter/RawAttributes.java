package dev.signet.radius.adapter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The attributes of a RADIUS packet as (type, value) pairs, read straight from its octets
 * (RFC 2865 section 5: type, length, value). Reading them this way first proves the packet is
 * well formed before the codec or any secret is involved: a length field that disagrees with the
 * octets makes the whole packet malformed.
 */
final class RawAttributes {
    static final int USER_NAME = 1;
    static final int USER_PASSWORD = 2;
    static final int CHAP_PASSWORD = 3;
    static final int VENDOR_SPECIFIC = 26;
    static final int CALLING_STATION_ID = 31;
    static final int PROXY_STATE = 33;
    static final int STATE = 24;
    static final int ACCT_STATUS_TYPE = 40;
    static final int ACCT_SESSION_ID = 44;
    static final int ACCT_SESSION_TIME = 46;
    static final int CHAP_CHALLENGE = 60;
    static final int EAP_MESSAGE = 79;
    static final int MESSAGE_AUTHENTICATOR = 80;
    static final int MICROSOFT = 311;
    static final int MS_CHAP_CHALLENGE = 11;
    static final int MS_CHAP2_RESPONSE = 25;

    record Attribute(int type, int offset, byte[] value) {
    }

    private final List<Attribute> attributes;

    private RawAttributes(List<Attribute> attributes) {
        this.attributes = attributes;
    }

    /** The attributes of a packet whose header says it is {@code length} octets long; empty when they do not fit exactly. */
    static Optional<RawAttributes> of(byte[] packet, int length) {
        List<Attribute> found = new ArrayList<>();
        int position = RadiusPacket.HEADER;
        while (position < length) {
            if (position + 2 > length) {
                return Optional.empty();
            }
            int type = packet[position] & 0xff;
            int attributeLength = packet[position + 1] & 0xff;
            if (attributeLength < 2 || position + attributeLength > length) {
                return Optional.empty();
            }
            byte[] value = new byte[attributeLength - 2];
            System.arraycopy(packet, position + 2, value, 0, value.length);
            found.add(new Attribute(type, position, value));
            position += attributeLength;
        }
        return Optional.of(new RawAttributes(List.copyOf(found)));
    }

    List<Attribute> all(int type) {
        return attributes.stream().filter(a -> a.type() == type).toList();
    }

    boolean has(int type) {
        return attributes.stream().anyMatch(a -> a.type() == type);
    }

    Optional<byte[]> first(int type) {
        return attributes.stream().filter(a -> a.type() == type).map(Attribute::value).findFirst();
    }

    Optional<String> text(int type) {
        return first(type).map(v -> new String(v, StandardCharsets.UTF_8));
    }

    /** A 4-octet integer attribute; -1 when absent or not 4 octets. */
    long integer(int type) {
        return first(type).filter(v -> v.length == 4)
                .map(v -> ((long) (v[0] & 0xff) << 24) | ((v[1] & 0xff) << 16) | ((v[2] & 0xff) << 8) | (v[3] & 0xff)).orElse(-1L);
    }

    /** Values of one type, concatenated in order (RFC 3579 section 3.1: an EAP packet split over several EAP-Message attributes). */
    Optional<byte[]> concatenated(int type) {
        List<Attribute> parts = all(type);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        parts.forEach(p -> all.writeBytes(p.value()));
        return Optional.of(all.toByteArray());
    }

    /** RFC 2865 section 5.26: the value of a vendor's attribute inside Vendor-Specific (one vendor attribute per VSA, as is usual). */
    Optional<byte[]> vendor(int vendorId, int vendorType) {
        for (Attribute vsa : all(VENDOR_SPECIFIC)) {
            byte[] v = vsa.value();
            if (v.length < 6) {
                continue;
            }
            int id = ((v[0] & 0xff) << 24) | ((v[1] & 0xff) << 16) | ((v[2] & 0xff) << 8) | (v[3] & 0xff);
            int position = 4;
            while (id == vendorId && position + 2 <= v.length) {
                int type = v[position] & 0xff;
                int length = v[position + 1] & 0xff;
                if (length < 2 || position + length > v.length) {
                    break;
                }
                if (type == vendorType) {
                    byte[] value = new byte[length - 2];
                    System.arraycopy(v, position + 2, value, 0, value.length);
                    return Optional.of(value);
                }
                position += length;
            }
        }
        return Optional.empty();
    }
}
