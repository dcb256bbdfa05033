package dev.signet.batch.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestControl;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import dev.signet.sync.SourceDirectory;
import dev.signet.sync.SourceFailure;
import dev.signet.sync.SyncRuns;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import jakarta.batch.runtime.BatchRuntime;
import java.util.logging.Logger;

/**
 * Step 1's reader. A directory that offers RFC 4533 content synchronisation (OpenLDAP's syncprov,
 * 389-ds, FreeIPA) is read with one refreshOnly search from the account's sync cookie: only what
 * changed since the last applied run, and the UUIDs present or deleted. Any other directory (Active
 * Directory) is read whole, people then groups, a page (RFC 2696) at a time, so a large directory
 * is never held in memory whole; step 2 then deletes what it no longer lists.
 */
@Named
@Dependent
public class LdapEntryReader extends AbstractItemReader {
    private static final int PAGE = 500;

    private static final Logger LOG = Logger.getLogger(LdapEntryReader.class.getName());

    @Inject
    private JobContext job;
    @EJB
    private SyncRuns runs;

    private LDAPConnection connection;
    private final Deque<SearchResultEntry> page = new ArrayDeque<>();
    private List<String> filters;
    private int filter;
    private ASN1OctetString cookie;
    private String baseDn;
    private String[] attributes;
    private ContentSyncSearch sync;
    /** Items handed to the chunk so far: the checkpoint a restart skips to. */
    private int emitted;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        try {
            connect(checkpoint);
        } catch (Exception e) {
            throw recorded(e);
        }
    }

    private void connect(Serializable checkpoint) throws Exception {
        SyncRuns.SourceAccess access = runs.source(run(job));
        baseDn = access.source().baseDn();
        attributes = access.source().attributeMap().requested();
        filters = List.of(access.source().personFilter(), access.source().groupFilter());
        connection = SourceDirectory.connect(access.source(), access.password());
        RootDSE root = connection.getRootDSE();
        if (root != null && root.supportsControl(ContentSyncRequestControl.SYNC_REQUEST_OID)) {
            sync = ContentSyncSearch.start(connection, baseDn, either(), attributes, access.cookie());
        }
        // a restart reads the source again from where the run began and skips what was staged
        int skip = checkpoint instanceof Integer staged ? staged : 0;
        for (int i = 0; i < skip && readItem() != null; i++) {
            // already staged before the failure
        }
    }

    @Override
    public Object readItem() throws Exception {
        Object next;
        try {
            next = sync != null ? readSync() : readPaged();
        } catch (Exception e) {
            throw recorded(e);
        }
        if (next != null) {
            emitted++;
        }
        return next;
    }

    /**
     * The run's report says why reading failed (the stage, the LDAP result code and message, the
     * TLS or network reason), rather than the job's bare FAILED; the run stays restartable.
     */
    private Exception recorded(Exception failure) {
        runs.fail(run(job), SourceFailure.describe(failure, SourceFailure.Stage.SEARCH), 0);
        return failure;
    }

    @Override
    public Serializable checkpointInfo() {
        return emitted;
    }

    private Object readSync() throws Exception {
        Object next = sync.next();
        if (!(next instanceof ContentSyncSearch.End end)) {
            return next;
        }
        if (end.code().intValue() == ContentSyncSearch.REFRESH_REQUIRED) {
            if (emitted == 0) {
                sync.close();
                sync = ContentSyncSearch.start(connection, baseDn, either(), attributes, null);
                return readSync();
            }
            runs.forgetSourceCookie(run(job));
            throw new LDAPException(end.code(), "the directory asked for a full refresh mid-read; the next run does one");
        }
        if (end.code() != ResultCode.SUCCESS && emitted == 0) {
            // advertised but refused to this bind DN (ApacheDS without a replication provider, a
            // syncprov ACL): read the directory whole instead, as a full refresh
            LOG.info(() -> baseDn + " refused content synchronisation (" + end.code() + ": " + end.message() + "); reading it page by page");
            sync.close();
            sync = null;
            return readPaged();
        }
        if (end.code() != ResultCode.SUCCESS) {
            throw new LDAPException(end.code(), "the directory ended the sync search: " + end.message());
        }
        runs.sourceRead(run(job), sync.cookie(), sync.incremental(), sync.deletesOnly());
        return null;
    }

    /** People and groups in one search, so one sync cookie covers both. */
    private String either() {
        return "(|" + filters.get(0) + filters.get(1) + ")";
    }

    private Object readPaged() throws Exception {
        while (page.isEmpty()) {
            if (cookie == null) {
                if (filter >= filters.size()) {
                    return null;
                }
                filter++;
            }
            fetch(filters.get(filter - 1));
        }
        return page.poll();
    }

    private void fetch(String ldapFilter) throws Exception {
        SearchRequest request = new SearchRequest(baseDn, SearchScope.SUB, ldapFilter, attributes);
        request.setControls(new SimplePagedResultsControl(PAGE, cookie));
        SearchResult result = connection.search(request);
        page.addAll(result.getSearchEntries());
        SimplePagedResultsControl paged = SimplePagedResultsControl.get(result);
        cookie = paged != null && paged.moreResultsToReturn() ? paged.getCookie() : null;
    }

    @Override
    public void close() {
        if (sync != null) {
            sync.close();
        }
        if (connection != null) {
            connection.close();
        }
    }

    /** The run this job execution is, from the job parameters. */
    static UUID run(JobContext job) {
        return UUID.fromString(BatchRuntime.getJobOperator().getParameters(job.getExecutionId())
                .getProperty(LdapSyncJobs.RUN));
    }
}
