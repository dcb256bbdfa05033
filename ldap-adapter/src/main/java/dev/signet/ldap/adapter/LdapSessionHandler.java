package dev.signet.ldap.adapter;

import dev.signet.adapter.ldap.LdapBindResult;
import dev.signet.adapter.ldap.LdapBoundIdentity;
import dev.signet.adapter.ldap.LdapCompare;
import dev.signet.adapter.ldap.LdapConnection;
import dev.signet.adapter.ldap.LdapResult;
import dev.signet.adapter.ldap.LdapSearch;
import dev.signet.adapter.ldap.LdapSearchResult;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.directory.api.ldap.codec.api.LdapApiService;
import org.apache.directory.api.ldap.codec.api.LdapDecoder;
import org.apache.directory.api.ldap.codec.api.LdapMessageContainer;
import org.apache.directory.api.ldap.model.entry.DefaultEntry;
import org.apache.directory.api.ldap.model.message.AbandonRequest;
import org.apache.directory.api.ldap.model.message.BindRequest;
import org.apache.directory.api.ldap.model.message.CompareRequest;
import org.apache.directory.api.ldap.model.message.ExtendedRequest;
import org.apache.directory.api.ldap.model.message.OpaqueExtendedResponse;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.ResultResponse;
import org.apache.directory.api.ldap.model.message.ResultResponseRequest;
import org.apache.directory.api.ldap.model.message.SearchRequest;
import org.apache.directory.api.ldap.model.message.SearchResultEntryImpl;
import org.apache.directory.api.ldap.model.message.UnbindRequest;
import org.apache.directory.api.ldap.model.message.controls.PagedResults;
import org.apache.directory.api.ldap.model.message.controls.PagedResultsImpl;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import java.io.IOException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.apache.mina.filter.codec.ProtocolDecoderException;

/**
 * One decoded LDAP operation at a time per connection, answered by the core (bind, search,
 * compare) or here (whoami, unbind, abandon; writes are refused: the gateway is read-only). The
 * identity the core bound ({@link LdapBoundIdentity}) is the only state kept and goes back to the
 * core with every operation; StartTLS (plain listener) puts TLS under the connection. A PDU the codec cannot read closes that connection only.
 * A bound account's searches and compares take at most its share of the workers at once ({@link AccountOperations}); past it they get busy.
 */
final class LdapSessionHandler extends IoHandlerAdapter {
    private static final Logger LOG = Logger.getLogger(LdapSessionHandler.class.getName());
    private static final String BOUND = "signet.bound";
    private static final String WHO_AM_I = "1.3.6.1.4.1.4203.1.11.3";
    private static final String START_TLS = "1.3.6.1.4.1.1466.20037";
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}");

    private final CoreEndpoint core;
    private final LdapApiService codec;
    private final int maxPdu;
    private final Consumer<IoSession> startTls;
    private final AccountOperations accounts;

    LdapSessionHandler(CoreEndpoint core, LdapApiService codec, int maxPdu, Consumer<IoSession> startTls, AccountOperations accounts) {
        this.core = core;
        this.codec = codec;
        this.maxPdu = maxPdu;
        this.startTls = startTls;
        this.accounts = accounts;
    }

    @Override
    public void sessionCreated(IoSession session) {
        // the codec keeps each connection's partly read PDU here
        session.setAttribute(LdapDecoder.MESSAGE_CONTAINER_ATTR, new LdapMessageContainer<>(codec));
        session.setAttribute(LdapDecoder.MAX_PDU_SIZE_ATTR, maxPdu);
    }

    @Override
    public void messageReceived(IoSession session, Object message) throws Exception {
        try {
            withinTheAccountsShare(session, message);
        } catch (Exception e) {
            if (!(message instanceof ResultResponseRequest request)) {
                throw e;
            }
            // the core failed on this operation: answer it, keep the connection, keep the cause out of the answer
            LOG.log(Level.WARNING, "LDAP operation " + message.getClass().getSimpleName() + " failed on connection " + session.getId(), e);
            answer(session, request.getResultResponse(), ResultCodeEnum.OTHER, "the directory could not answer this operation");
        } finally {
            OperationLimit.answered(session);
        }
    }

    /** A bound account's searches and compares run at most its share of the workers at once; past it they are answered busy. */
    private void withinTheAccountsShare(IoSession session, Object message) throws Exception {
        LdapBoundIdentity bound = bound(session);
        if (bound == null || !(message instanceof SearchRequest || message instanceof CompareRequest)) {
            dispatch(session, message);
            return;
        }
        String account = bound.account().toString();
        if (!accounts.enter(account)) {
            answer(session, ((ResultResponseRequest) message).getResultResponse(), ResultCodeEnum.BUSY,
                    "too many operations in progress for this account; retry later");
            return;
        }
        try {
            dispatch(session, message);
        } finally {
            accounts.leave(account);
        }
    }

    private void dispatch(IoSession session, Object message) throws Exception {
        if (message instanceof BindRequest bind) {
            bind(session, bind);
        } else if (message instanceof SearchRequest search) {
            search(session, search);
        } else if (message instanceof ExtendedRequest extended && WHO_AM_I.equals(extended.getRequestName())) {
            // RFC 4532: no response name, the authorization identity as the value (empty if anonymous)
            OpaqueExtendedResponse response = new OpaqueExtendedResponse(extended.getMessageId());
            LdapBoundIdentity bound = bound(session);
            response.setResponseValue(bound == null ? new byte[0] : ("dn:" + bound.dn()).getBytes(StandardCharsets.UTF_8));
            response.getLdapResult().setResultCode(ResultCodeEnum.SUCCESS);
            session.write(response);
        } else if (message instanceof ExtendedRequest extended && START_TLS.equals(extended.getRequestName())) {
            startTls(session, extended);
        } else if (message instanceof ExtendedRequest extended) {
            answer(session, extended.getResultResponse(), ResultCodeEnum.PROTOCOL_ERROR, "unsupported extended operation");
        } else if (message instanceof CompareRequest compare) {
            compare(session, compare);
        } else if (message instanceof UnbindRequest) {
            session.closeNow();
        } else if (message instanceof AbandonRequest) {
            // operations run to completion one at a time; nothing is left to abandon
        } else if (message instanceof ResultResponseRequest request) {
            answer(session, request.getResultResponse(), ResultCodeEnum.UNWILLING_TO_PERFORM, "the Signet LDAP gateway is read-only");
        }
    }

    /** RFC 4511 4.14: answered in the clear, then TLS before the next byte is read. */
    private void startTls(IoSession session, ExtendedRequest request) {
        OpaqueExtendedResponse response = new OpaqueExtendedResponse(request.getMessageId(), START_TLS);
        if (LdapListener.secure(session)) {
            answer(session, response, ResultCodeEnum.OPERATIONS_ERROR, "TLS is already established on this connection");
            return;
        }
        response.getLdapResult().setResultCode(ResultCodeEnum.SUCCESS);
        session.write(response).addListener(written -> {
            if (written.getSession().isConnected()) {
                startTls.accept(written.getSession());
            }
        });
    }

    private void bind(IoSession session, BindRequest bind) throws Exception {
        ResultResponse response = bind.getResultResponse();
        if (!bind.isSimple()) {
            answer(session, response, ResultCodeEnum.AUTH_METHOD_NOT_SUPPORTED, "only simple binds (over TLS) are supported");
            return;
        }
        String name = bind.getName() == null ? "" : bind.getName();
        char[] password = utf8(bind.getCredentials());
        try {
            LdapConnection connection = connection(session);
            LdapBindResult bound = core.call(listener -> listener.bind(connection, name, password));
            // RFC 4511 4.2.1: a bind, even a failed one, ends what the connection was bound as before
            if (bound.bound() == null) {
                session.removeAttribute(BOUND);
            } else {
                session.setAttribute(BOUND, bound.bound());
            }
            LdapResult result = bound.result();
            answer(session, response, ResultCodeEnum.getResultCode(result.resultCode()),
                    result.resultCode() == LdapResult.SUCCESS ? "" : result.diagnosticMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void search(IoSession session, SearchRequest request) throws Exception {
        PagedResults paged = (PagedResults) request.getControl(PagedResults.OID);
        LdapSearch search = new LdapSearch(request.getBase() == null ? "" : request.getBase().getName(), request.getScope().getScope(),
                DecodedFilter.of(request.getFilter()), request.getAttributes(),
                (int) Math.min(Integer.MAX_VALUE, request.getSizeLimit()), request.getTimeLimit(),
                paged == null ? 0 : paged.getSize(), paged == null ? null : paged.getCookie());
        LdapConnection connection = connection(session);
        LdapSearchResult result = core.call(listener -> listener.search(connection, search));
        for (LdapSearchResult.Entry found : result.entries()) {
            SearchResultEntryImpl entry = new SearchResultEntryImpl(request.getMessageId());
            DefaultEntry values = new DefaultEntry(new Dn(found.dn()));
            for (Map.Entry<String, List<String>> attribute : found.attributes().entrySet()) {
                values.add(attribute.getKey(), attribute.getValue().toArray(String[]::new));
            }
            entry.setEntry(values);
            session.write(entry);
        }
        ResultResponse done = request.getResultResponse();
        if (paged != null) {
            PagedResultsImpl next = new PagedResultsImpl();
            next.setSize(0);
            next.setCookie(result.nextPageCookie());
            done.addControl(next);
        }
        answer(session, done, result.done());
    }

    /** RFC 4511 4.10: the core decides (with the access control and matching rules of a search). */
    private void compare(IoSession session, CompareRequest compare) throws Exception {
        ResultResponse response = compare.getResultResponse();
        String attribute = compare.getAttributeId();
        if (attribute == null || !ATTRIBUTE.matcher(attribute).matches() || compare.getName() == null) {
            answer(session, response, ResultCodeEnum.PROTOCOL_ERROR, "compare needs an entry and an attribute name");
            return;
        }
        String value = new String(compare.getAssertionValue().getBytes(), StandardCharsets.UTF_8);
        LdapCompare question = new LdapCompare(compare.getName().getName(), attribute, value);
        LdapConnection connection = connection(session);
        answer(session, response, core.call(listener -> listener.compare(connection, question)));
    }

    /** The core's result as it gave it: code, message and, with noSuchObject, the matched DN (RFC 4511 4.1.9). */
    private static void answer(IoSession session, ResultResponse response, LdapResult result) throws Exception {
        if (!result.matchedDn().isEmpty()) {
            response.getLdapResult().setMatchedDn(new Dn(result.matchedDn()));
        }
        answer(session, response, ResultCodeEnum.getResultCode(result.resultCode()), result.diagnosticMessage());
    }

    private static void answer(IoSession session, ResultResponse response, ResultCodeEnum code, String message) {
        response.getLdapResult().setResultCode(code);
        if (message != null && !message.isEmpty()) {
            response.getLdapResult().setDiagnosticMessage(message);
        }
        session.write(response);
    }

    private static LdapConnection connection(IoSession session) {
        String remote = session.getRemoteAddress() instanceof InetSocketAddress address ? address.getAddress().getHostAddress() : "unknown";
        return new LdapConnection(Long.toString(session.getId()), remote, bound(session), LdapListener.secure(session));
    }

    /** Whether a bind on this connection has succeeded (an anonymous bind is no bind). */
    static boolean isBound(IoSession session) {
        return bound(session) != null;
    }

    private static LdapBoundIdentity bound(IoSession session) {
        return (LdapBoundIdentity) session.getAttribute(BOUND);
    }

    private static char[] utf8(byte[] bytes) throws CharacterCodingException {
        if (bytes == null) {
            return new char[0];
        }
        CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes));
        char[] password = new char[chars.remaining()];
        chars.get(password);
        return password;
    }

    @Override
    public void exceptionCaught(IoSession session, Throwable cause) {
        // a malformed PDU, a TLS failure or a core error: this connection ends, the listener goes on
        boolean peer = cause instanceof ProtocolDecoderException || cause instanceof SSLException
                || cause instanceof IOException;
        if (peer) {
            // the client's doing (a failed TLS handshake, bytes that are not LDAP): one line, no stack trace
            LOG.fine(() -> "LDAP connection " + session.getId() + " from " + connection(session).remoteAddress() + " closed: " + cause);
        } else {
            LOG.log(Level.WARNING, "LDAP connection " + session.getId() + " closed", cause);
        }
        session.closeNow();
    }
}
