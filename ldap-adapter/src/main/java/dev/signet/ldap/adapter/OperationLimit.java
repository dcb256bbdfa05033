package dev.signet.ldap.adapter;

import org.apache.directory.api.ldap.model.message.AbandonRequest;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.ResultResponse;
import org.apache.directory.api.ldap.model.message.ResultResponseRequest;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;

/**
 * Between the codec and the workers: a connection has at most
 * {@link ListenerLimits#OPERATIONS_PER_CONNECTION} operations waiting or running. At the limit the
 * listener stops reading it (TCP pushes back on the client); operations that were already read
 * past the limit are answered busy at once instead of queued, so a pipelining client cannot
 * queue work without end.
 */
final class OperationLimit extends IoFilterAdapter {
    private static final String OUTSTANDING = OperationLimit.class.getName() + ".outstanding";

    /** One connection's operations in flight; its lock orders suspending and resuming reads. */
    private static final class Outstanding {
        private int count;
    }

    @Override
    public void sessionCreated(NextFilter next, IoSession session) throws Exception {
        session.setAttribute(OUTSTANDING, new Outstanding());
        next.sessionCreated(session);
    }

    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) throws Exception {
        Outstanding outstanding = (Outstanding) session.getAttribute(OUTSTANDING);
        synchronized (outstanding) {
            if (outstanding.count >= ListenerLimits.OPERATIONS_PER_CONNECTION) {
                if (message instanceof ResultResponseRequest request) {
                    ResultResponse busy = request.getResultResponse();
                    busy.getLdapResult().setResultCode(ResultCodeEnum.BUSY);
                    busy.getLdapResult().setDiagnosticMessage("too many operations in progress on this connection; wait for their answers");
                    session.write(busy);
                    return;
                }
                if (message instanceof AbandonRequest) {
                    return; // operations run to completion anyway: nothing to queue
                }
            }
            if (++outstanding.count == ListenerLimits.OPERATIONS_PER_CONNECTION) {
                session.suspendRead();
            }
        }
        next.messageReceived(session, message);
    }

    /** The handler has answered one operation of this connection. */
    static void answered(IoSession session) {
        Outstanding outstanding = (Outstanding) session.getAttribute(OUTSTANDING);
        if (outstanding == null) {
            return;
        }
        synchronized (outstanding) {
            if (outstanding.count-- == ListenerLimits.OPERATIONS_PER_CONNECTION) {
                session.resumeRead();
            }
        }
    }
}
