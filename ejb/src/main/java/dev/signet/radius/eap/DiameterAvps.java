package dev.signet.radius.eap;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Diameter-format AVPs EAP-TTLS carries inside its tunnel (RFC 5281 §10.1): AVP Code (4
 * bytes), flags (V: a Vendor-ID follows, M: mandatory), AVP Length (3 bytes, header included,
 * padding not), the Vendor-ID if V, the data, zero padding to a multiple of four.
 */
final class DiameterAvps {
    static final int FLAG_VENDOR = 0x80;
    static final int FLAG_MANDATORY = 0x40;
    static final int USER_NAME = 1;
    static final int USER_PASSWORD = 2;
    static final int MICROSOFT = 311;
    static final int MS_CHAP_CHALLENGE = 11;
    static final int MS_CHAP2_RESPONSE = 25;
    static final int MS_CHAP2_SUCCESS = 26;

    record Avp(int code, int vendor, boolean mandatory, byte[] data) {
        boolean is(int vendorId, int avpCode) {
            return vendor == vendorId && code == avpCode;
        }
    }

    private DiameterAvps() {
    }

    /** Empty when any AVP is truncated or its length is impossible. */
    static Optional<List<Avp>> parse(byte[] in) {
        List<Avp> avps = new ArrayList<>();
        int at = 0;
        while (at < in.length) {
            if (in.length - at < 8) {
                return Optional.empty();
            }
            int code = ((in[at] & 0xFF) << 24) | ((in[at + 1] & 0xFF) << 16) | ((in[at + 2] & 0xFF) << 8) | (in[at + 3] & 0xFF);
            int flags = in[at + 4] & 0xFF;
            int length = ((in[at + 5] & 0xFF) << 16) | ((in[at + 6] & 0xFF) << 8) | (in[at + 7] & 0xFF);
            boolean vendor = (flags & FLAG_VENDOR) != 0;
            int header = vendor ? 12 : 8;
            if (length < header || length > in.length - at) {
                return Optional.empty();
            }
            int vendorId = vendor
                    ? ((in[at + 8] & 0xFF) << 24) | ((in[at + 9] & 0xFF) << 16) | ((in[at + 10] & 0xFF) << 8) | (in[at + 11] & 0xFF)
                    : 0;
            avps.add(new Avp(code, vendorId, (flags & FLAG_MANDATORY) != 0, Arrays.copyOfRange(in, at + header, at + length)));
            at += (length + 3) & ~3;
        }
        return Optional.of(avps);
    }

    static byte[] encode(Avp... avps) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Avp avp : avps) {
            boolean vendor = avp.vendor() != 0;
            int length = (vendor ? 12 : 8) + avp.data().length;
            writeInt(out, avp.code());
            out.write((vendor ? FLAG_VENDOR : 0) | (avp.mandatory() ? FLAG_MANDATORY : 0));
            out.write(length >>> 16);
            out.write(length >>> 8);
            out.write(length);
            if (vendor) {
                writeInt(out, avp.vendor());
            }
            out.writeBytes(avp.data());
            for (int pad = (4 - length % 4) % 4; pad > 0; pad--) {
                out.write(0);
            }
        }
        return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
