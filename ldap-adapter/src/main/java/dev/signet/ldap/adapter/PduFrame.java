package dev.signet.ldap.adapter;

import java.io.IOException;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;

/**
 * Hands the codec whole LDAP messages only, each at most the maximum PDU size and with every
 * nested BER length inside its container. The codec allocates each value at the length a PDU
 * declares before the bytes arrive, so a few bytes claiming a 2 GiB value would otherwise cost
 * 2 GiB of heap; here such a PDU ends its connection instead. This checks lengths, it decodes
 * nothing: the Apache Directory codec still reads every message.
 */
final class PduFrame extends IoFilterAdapter {
    private static final String PENDING = PduFrame.class.getName() + ".pending";
    private final int maxPdu;

    PduFrame(int maxPdu) {
        this.maxPdu = maxPdu;
    }

    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) throws Exception {
        if (!(message instanceof IoBuffer in)) {
            next.messageReceived(session, message);
            return;
        }
        IoBuffer pending = (IoBuffer) session.getAttribute(PENDING);
        if (pending == null) {
            pending = IoBuffer.allocate(Math.max(256, in.remaining())).setAutoExpand(true);
            session.setAttribute(PENDING, pending);
        }
        pending.put(in);
        pending.flip();
        while (true) {
            int length = wholeLength(pending);
            if (length < 0) {
                break;
            }
            byte[] pdu = new byte[length];
            pending.get(pdu);
            if (!nestedLengthsFit(pdu, 0, pdu.length, 0)) {
                throw new IOException("malformed LDAP message: a BER length runs past its container");
            }
            next.messageReceived(session, IoBuffer.wrap(pdu));
        }
        pending.compact();
    }

    /** The size of the first message in {@code buffer} if it is all there, else -1; too large or not a SEQUENCE fails. */
    private int wholeLength(IoBuffer buffer) throws IOException {
        int start = buffer.position();
        int available = buffer.remaining();
        if (available < 2) {
            return -1;
        }
        if ((buffer.get(start) & 0xFF) != 0x30) {
            throw new IOException("not an LDAP message: it must start with a SEQUENCE");
        }
        int first = buffer.get(start + 1) & 0xFF;
        long length;
        int header;
        if (first < 0x80) {
            length = first;
            header = 2;
        } else {
            int octets = first & 0x7F;
            if (octets == 0 || octets > 4) {
                throw new IOException("malformed LDAP message length");
            }
            if (available < 2 + octets) {
                return -1;
            }
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | (buffer.get(start + 2 + i) & 0xFF);
            }
            header = 2 + octets;
        }
        if (length + header > maxPdu) {
            throw new IOException("LDAP message of " + (length + header) + " bytes exceeds the limit of " + maxPdu);
        }
        return available >= length + header ? (int) (length + header) : -1;
    }

    /** Whether every TLV in pdu[from, to) has a length within its container, constructed ones recursively. */
    static boolean nestedLengthsFit(byte[] pdu, int from, int to, int depth) {
        if (depth > 32) {
            return false;
        }
        int at = from;
        while (at < to) {
            int tag = pdu[at++] & 0xFF;
            if ((tag & 0x1F) == 0x1F) {
                // high tag number form: continuation octets
                int octets = 0;
                while (at < to && (pdu[at] & 0x80) != 0 && octets++ < 4) {
                    at++;
                }
                at++;
            }
            if (at >= to) {
                return false;
            }
            int first = pdu[at++] & 0xFF;
            long length;
            if (first < 0x80) {
                length = first;
            } else {
                int octets = first & 0x7F;
                if (octets == 0 || octets > 4 || at + octets > to) {
                    return false;
                }
                length = 0;
                for (int i = 0; i < octets; i++) {
                    length = (length << 8) | (pdu[at++] & 0xFF);
                }
            }
            if (length > to - at) {
                return false;
            }
            if ((tag & 0x20) != 0 && !nestedLengthsFit(pdu, at, at + (int) length, depth + 1)) {
                return false;
            }
            at += (int) length;
        }
        return true;
    }
}
