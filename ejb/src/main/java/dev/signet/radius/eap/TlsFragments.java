package dev.signet.radius.eap;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * EAP-TLS style framing of TLS data (RFC 5216 §3.1-3.2, used as is by PEAP and TTLS, RFC 5281
 * §9.2): after the type, a flags byte (L: a 4-byte TLS Message Length follows; M: more
 * fragments follow; S: start; the low three bits carry the PEAP/TTLS version), then the data.
 * Each fragment is acknowledged by an empty message of the other side.
 *
 * <p>Inbound messages are reassembled up to a bound (a peer announcing or sending more is
 * refused); outbound messages are cut into fragments of at most {@code fragmentSize} bytes, the
 * first carrying L. Not thread-safe: one per conversation.
 */
final class TlsFragments {
    static final int FLAG_LENGTH = 0x80;
    static final int FLAG_MORE = 0x40;
    static final int FLAG_START = 0x20;

    private final int fragmentSize;
    private final int maxMessage;
    private byte[] sending;
    private int sent;
    private ByteArrayOutputStream receiving;
    private long announced = -1;

    TlsFragments(int fragmentSize, int maxMessage) {
        this.fragmentSize = fragmentSize;
        this.maxMessage = maxMessage;
    }

    /** What one peer message held: the whole reassembled TLS data, or null while more fragments are due. */
    sealed interface Received permits Whole, Partial, Acknowledged, Broken {
    }

    record Whole(byte[] data) implements Received {
    }

    /** A fragment with M set: acknowledge it and wait. */
    record Partial() implements Received {
    }

    /** The peer's empty acknowledgement of our fragment: send the next. */
    record Acknowledged() implements Received {
    }

    record Broken(String why) implements Received {
    }

    /** Our message still has fragments the peer has not had. */
    boolean sending() {
        return sending != null;
    }

    /**
     * @param data the method data after the type byte (flags first)
     */
    Received receive(byte[] data) {
        if (data.length < 1) {
            return new Broken("no flags");
        }
        int flags = data[0] & 0xFF;
        if ((flags & FLAG_START) != 0) {
            return new Broken("start flag from the peer");
        }
        int offset = 1;
        if ((flags & FLAG_LENGTH) != 0) {
            if (data.length < 5) {
                return new Broken("length flag without a length");
            }
            long length = ((data[1] & 0xFFL) << 24) | ((data[2] & 0xFFL) << 16) | ((data[3] & 0xFFL) << 8) | (data[4] & 0xFFL);
            if (length > maxMessage) {
                return new Broken("announced TLS message of " + length + " bytes");
            }
            if (receiving == null) {
                announced = length;
            }
            offset = 5;
        }
        byte[] payload = Arrays.copyOfRange(data, offset, data.length);
        if (sending != null) {
            return payload.length == 0 && (flags & (FLAG_MORE | FLAG_LENGTH)) == 0
                    ? new Acknowledged()
                    : new Broken("data instead of the acknowledgement of a fragment");
        }
        if (receiving == null) {
            receiving = new ByteArrayOutputStream();
        }
        if (receiving.size() + payload.length > maxMessage || (announced >= 0 && receiving.size() + payload.length > announced)) {
            return new Broken("TLS message longer than allowed or announced");
        }
        receiving.writeBytes(payload);
        if ((flags & FLAG_MORE) != 0) {
            if (payload.length == 0) {
                return new Broken("empty fragment with more to follow");
            }
            return new Partial();
        }
        byte[] whole = receiving.toByteArray();
        boolean short_ = announced >= 0 && whole.length != announced;
        receiving = null;
        announced = -1;
        return short_ ? new Broken("TLS message shorter than announced") : new Whole(whole);
    }

    /** Starts sending a message; answers its first fragment's method data (flags first). */
    byte[] send(byte[] message, int version) {
        sending = message;
        sent = 0;
        return next(version);
    }

    /** The next fragment of the message being sent (after the peer acknowledged the last). */
    byte[] next(int version) {
        int remaining = sending.length - sent;
        int n = Math.min(fragmentSize, remaining);
        boolean first = sent == 0;
        boolean more = n < remaining;
        boolean withLength = first && more;
        byte[] out = new byte[1 + (withLength ? 4 : 0) + n];
        out[0] = (byte) (version | (more ? FLAG_MORE : 0) | (withLength ? FLAG_LENGTH : 0));
        int offset = 1;
        if (withLength) {
            int length = sending.length;
            out[1] = (byte) (length >>> 24);
            out[2] = (byte) (length >>> 16);
            out[3] = (byte) (length >>> 8);
            out[4] = (byte) length;
            offset = 5;
        }
        System.arraycopy(sending, sent, out, offset, n);
        sent += n;
        if (!more) {
            sending = null;
        }
        return out;
    }
}
