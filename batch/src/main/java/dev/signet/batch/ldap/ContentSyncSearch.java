package dev.signet.batch.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.AsyncRequestID;
import com.unboundid.ldap.sdk.AsyncSearchResultListener;
import com.unboundid.ldap.sdk.IntermediateResponse;
import com.unboundid.ldap.sdk.IntermediateResponseListener;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.ContentSyncDoneControl;
import com.unboundid.ldap.sdk.controls.ContentSyncInfoIntermediateResponse;
import com.unboundid.ldap.sdk.controls.ContentSyncInfoType;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestControl;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestMode;
import com.unboundid.ldap.sdk.controls.ContentSyncState;
import com.unboundid.ldap.sdk.controls.ContentSyncStateControl;
import dev.signet.sync.SyncRuns;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One RFC 4533 refreshOnly search, streamed: entries the source added or changed since the cookie
 * (all of them without one), and the UUIDs it reports present or deleted. The connection's reader
 * thread hands them over through a bounded queue, so a slow consumer slows the server, not the heap.
 */
final class ContentSyncSearch implements AsyncSearchResultListener, IntermediateResponseListener {
    /** The server asks for a full refresh: the cookie is too old (RFC 4533 e-syncRefreshRequired). */
    static final int REFRESH_REQUIRED = 4096;
    private static final long serialVersionUID = 1L;

    /** The search's end, with its result code. */
    record End(ResultCode code, String message) {
    }

    private final transient BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2000);
    private volatile boolean closed;
    /**
     * The sync state to keep: the cookie sent until the directory sends a newer one. RFC 4533
     * lets a refresh end without a cookie (slapd does when nothing changed), which means the
     * state did not move, not that it is lost.
     */
    private volatile byte[] cookie;
    /** Whether the search went from a cookie: only then is what it does not list still there. */
    private boolean incremental;
    private volatile boolean deletesOnly;
    private transient LDAPConnection connection;
    private transient AsyncRequestID request;

    static ContentSyncSearch start(LDAPConnection connection, String baseDn, String filter, String[] attributes, byte[] cookie) throws LDAPException {
        ContentSyncSearch search = new ContentSyncSearch();
        search.connection = connection;
        search.cookie = cookie;
        search.incremental = cookie != null;
        SearchRequest request = new SearchRequest(search, baseDn, SearchScope.SUB, filter, attributes);
        request.setControls(new ContentSyncRequestControl(true, ContentSyncRequestMode.REFRESH_ONLY,
                cookie == null ? null : new ASN1OctetString(cookie), false));
        request.setIntermediateResponseListener(search);
        // a 100k-entry directory streams for minutes, at the pace step 1 stages it
        request.setResponseTimeoutMillis(TimeUnit.HOURS.toMillis(2));
        search.request = connection.asyncSearch(request);
        return search;
    }

    /** The next entry ({@link SearchResultEntry}), mark ({@link SyncRuns.SourceMark}) or the {@link End}. */
    Object next() throws InterruptedException {
        Object next = queue.poll(2, TimeUnit.HOURS);
        if (next == null) {
            throw new IllegalStateException("the directory sent nothing for two hours");
        }
        return next;
    }

    /** The source's sync state once the search ended. */
    byte[] cookie() {
        return cookie;
    }

    /** Whether the search continued from a sync cookie, rather than reading the directory whole. */
    boolean incremental() {
        return incremental;
    }

    /** Whether the source used the delete phase: only changes and deletions, not every entry it has. */
    boolean deletesOnly() {
        return deletesOnly;
    }

    void close() {
        closed = true;
        queue.clear();
        if (request != null && !request.isDone()) {
            try {
                connection.abandon(request);
            } catch (LDAPException e) {
                // the connection closes next anyway
            }
        }
    }

    @Override
    public void searchEntryReturned(SearchResultEntry entry) {
        ContentSyncStateControl state;
        try {
            state = ContentSyncStateControl.get(entry);
        } catch (LDAPException e) {
            hand(new End(ResultCode.DECODING_ERROR, "a sync state the directory sent could not be read: " + e.getMessage()));
            return;
        }
        if (state == null) {
            hand(entry);
            return;
        }
        if (state.getCookie() != null) {
            cookie = state.getCookie().getValue();
        }
        ContentSyncState kind = state.getState();
        if (kind == ContentSyncState.PRESENT || kind == ContentSyncState.DELETE) {
            hand(new SyncRuns.SourceMark(state.getEntryUUID(), kind == ContentSyncState.PRESENT));
        } else {
            hand(entry);
        }
    }

    @Override
    public void intermediateResponseReturned(IntermediateResponse response) {
        if (!ContentSyncInfoIntermediateResponse.SYNC_INFO_OID.equals(response.getOID())) {
            return;
        }
        try {
            ContentSyncInfoIntermediateResponse info = ContentSyncInfoIntermediateResponse.decode(response);
            if (info.getCookie() != null) {
                cookie = info.getCookie().getValue();
            }
            if (info.getType() == ContentSyncInfoType.SYNC_ID_SET) {
                for (UUID uuid : info.getEntryUUIDs()) {
                    hand(new SyncRuns.SourceMark(uuid, !info.refreshDeletes()));
                }
            }
        } catch (LDAPException e) {
            hand(new End(ResultCode.DECODING_ERROR, "a sync message the directory sent could not be read: " + e.getMessage()));
        }
    }

    @Override
    public void searchReferenceReturned(SearchResultReference reference) {
        // referrals to other servers are not followed: the sync account names one directory
    }

    @Override
    public void searchResultReceived(AsyncRequestID id, SearchResult result) {
        try {
            ContentSyncDoneControl done = ContentSyncDoneControl.get(result);
            if (done != null) {
                if (done.getCookie() != null) {
                    cookie = done.getCookie().getValue();
                }
                deletesOnly = done.refreshDeletes();
            }
        } catch (LDAPException e) {
            hand(new End(ResultCode.DECODING_ERROR, "the directory's sync result could not be read: " + e.getMessage()));
            return;
        }
        hand(new End(result.getResultCode(), result.getDiagnosticMessage()));
    }

    private void hand(Object item) {
        try {
            while (!closed && !queue.offer(item, 1, TimeUnit.SECONDS)) {
                // the reader is behind; wait for it (or for close)
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
