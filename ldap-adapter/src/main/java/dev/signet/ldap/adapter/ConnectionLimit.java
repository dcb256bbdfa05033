package dev.signet.ldap.adapter;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;

/**
 * The first filter of every connection: past the open connections allowed to its source address,
 * or in all, a new connection is closed before TLS or anything else has cost the server. A
 * refused connection's events go no further, so no TLS engine is ever made for it.
 */
final class ConnectionLimit extends IoFilterAdapter {
    private static final Logger LOG = Logger.getLogger(ConnectionLimit.class.getName());
    private static final String COUNTED = ConnectionLimit.class.getName() + ".address";

    private final int perAddress;
    private final int total;
    private final Map<InetAddress, Integer> byAddress = new HashMap<>();
    private int open;

    ConnectionLimit(int perAddress, int total) {
        this.perAddress = perAddress;
        this.total = total;
    }

    @Override
    public void sessionCreated(NextFilter next, IoSession session) throws Exception {
        InetAddress address = session.getRemoteAddress() instanceof InetSocketAddress remote ? remote.getAddress() : null;
        if (!admit(address)) {
            LOG.fine(() -> "LDAP connection from " + address + " refused: " + perAddress + " per address, " + total + " in all");
            session.closeNow();
            return;
        }
        session.setAttribute(COUNTED, address == null ? InetAddress.getLoopbackAddress() : address);
        next.sessionCreated(session);
    }

    @Override
    public void sessionOpened(NextFilter next, IoSession session) throws Exception {
        if (session.containsAttribute(COUNTED)) {
            next.sessionOpened(session);
        }
    }

    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) throws Exception {
        if (session.containsAttribute(COUNTED)) {
            next.messageReceived(session, message);
        }
    }

    @Override
    public void sessionClosed(NextFilter next, IoSession session) throws Exception {
        InetAddress address = (InetAddress) session.removeAttribute(COUNTED);
        if (address != null) {
            release(address);
            next.sessionClosed(session);
        }
    }

    private synchronized boolean admit(InetAddress address) {
        InetAddress key = address == null ? InetAddress.getLoopbackAddress() : address;
        int from = byAddress.getOrDefault(key, 0);
        if (open >= total || from >= perAddress) {
            return false;
        }
        open++;
        byAddress.put(key, from + 1);
        return true;
    }

    private synchronized void release(InetAddress address) {
        open--;
        byAddress.computeIfPresent(address, (a, n) -> n > 1 ? n - 1 : null);
    }

    synchronized int open() {
        return open;
    }
}
