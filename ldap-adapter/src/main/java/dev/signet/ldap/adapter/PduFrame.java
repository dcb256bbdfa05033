package dev.signet.ldap.adapter;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;

/**
 * Hands the codec whole LDAP messages only, each at most the maximum PDU size and with every
 * nested BER length inside its container. The codec allocates each value at the length a PDU
 * declares before the bytes arrive, so a few bytes claiming a 2 GiB value would otherwise cost
 * 2 GiB of heap; here such a PDU ends its connection instead. This checks lengths, it decodes
 * nothing: the Apache Directory codec still reads every message.
 *
 * <p>What a connection may hold: before a successful bind a PDU is at most
 * {@link ListenerLimits#UNBOUND_PDU}, after it {@link ListenerLimits#BOUND_PDU}; the bytes of
 * unfinished PDUs on all connections together come out of one budget (a connection that would
 * overdraw it is closed), and are given back as soon as a PDU is whole, so a connection between
 * messages holds no buffer at all. When its unfinished PDU began is kept for the listener, which
 * closes connections whose PDU does not complete in time.
 */
final class PduFrame extends IoFilterAdapter {
    private static final String UNFINISHED = PduFrame.class.getName() + ".unfinished";
    private final int unboundMax;
    private final int boundMax;
    private final AtomicLong budget;

    /** The start of a PDU still arriving, in a buffer charged to the shared budget. */
    private static final class Unfinished {
        private IoBuffer bytes;
        private volatile long since;
    }

    /**
     * @param budget bytes still free for unfinished PDUs on all connections that share it
     */
    PduFrame(int unboundMax, int boundMax, AtomicLong budget) {
        this.unboundMax = unboundMax;
        this.boundMax = boundMax;
        this.budget = budget;
    }

    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) throws Exception {
        if (!(message instanceof IoBuffer in)) {
            next.messageReceived(session, message);
            return;
        }
        if (session.isClosing()) {
            return; // what was already read behind a refused message goes with its connection
        }
        try {
            frame(next, session, in);
        } catch (IOException | RuntimeException e) {
            // the carried-over bytes are mid-read now: drop them (and their share of the budget)
            // rather than let a later delivery append to a half-read buffer
            release(session);
            session.closeNow();
            throw e;
        }
    }

    private void frame(NextFilter next, IoSession session, IoBuffer in) throws IOException {
        Unfinished unfinished = (Unfinished) session.getAttribute(UNFINISHED);
        IoBuffer bytes = in; // nothing carried over: read straight from the read buffer
        if (unfinished != null) {
            append(unfinished, in);
            bytes = unfinished.bytes.flip();
        }
        boolean completed = false;
        while (true) {
            int length = wholeLength(bytes, LdapSessionHandler.isBound(session) ? boundMax : unboundMax);
            if (length < 0) {
                break;
            }
            byte[] pdu = new byte[length];
            bytes.get(pdu);
            if (!nestedLengthsFit(pdu, 0, pdu.length, 0)) {
                throw new IOException("malformed LDAP message: a BER length runs past its container");
            }
            completed = true;
            next.messageReceived(session, IoBuffer.wrap(pdu));
        }
        if (!bytes.hasRemaining()) {
            release(session);
            return;
        }
        if (unfinished == null) {
            unfinished = new Unfinished();
            unfinished.bytes = reserve(Math.max(256, bytes.remaining()));
            unfinished.bytes.put(bytes);
            session.setAttribute(UNFINISHED, unfinished);
        } else {
            unfinished.bytes.compact();
        }
        if (completed || unfinished.since == 0) {
            unfinished.since = System.nanoTime();
        }
    }

    @Override
    public void sessionClosed(NextFilter next, IoSession session) throws Exception {
        release(session);
        next.sessionClosed(session);
    }

    /** How long the connection's unfinished PDU has been arriving, in nanoseconds; 0 when it has none. */
    static long unfinishedFor(IoSession session, long now) {
        Unfinished unfinished = (Unfinished) session.getAttribute(UNFINISHED);
        long since = unfinished == null ? 0 : unfinished.since;
        return since == 0 ? 0 : now - since;
    }

    private void append(Unfinished unfinished, IoBuffer in) throws IOException {
        int needed = unfinished.bytes.position() + in.remaining();
        if (needed > unfinished.bytes.capacity()) {
            IoBuffer larger = reserve(Math.max(needed, Math.min(2 * unfinished.bytes.capacity(), boundMax)));
            budget.addAndGet(unfinished.bytes.capacity());
            unfinished.bytes = larger.put(unfinished.bytes.flip());
        }
        unfinished.bytes.put(in);
    }

    private IoBuffer reserve(int capacity) throws IOException {
        if (budget.addAndGet(-capacity) < 0) {
            budget.addAndGet(capacity);
            throw new IOException("unfinished LDAP messages on all connections hold all the memory allowed for them");
        }
        return IoBuffer.allocate(capacity, false);
    }

    private void release(IoSession session) {
        Unfinished unfinished = (Unfinished) session.removeAttribute(UNFINISHED);
        if (unfinished != null) {
            budget.addAndGet(unfinished.bytes.capacity());
        }
    }

    /** The size of the first message in {@code buffer} if it is all there, else -1; too large or not a SEQUENCE fails. */
    private static int wholeLength(IoBuffer buffer, int maxPdu) throws IOException {
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
