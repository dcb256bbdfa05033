package dev.signet.batch.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
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

/**
 * Step 1's reader: the source's people, then its groups, a page (RFC 2696) at a time, so a large
 * directory is never held in memory whole.
 */
@Named
@Dependent
public class LdapEntryReader extends AbstractItemReader {
    private static final int PAGE = 500;
    static final String[] ATTRIBUTES = {"objectClass", "entryUUID", "uid", "cn", "displayName", "mail", "member", "uniqueMember",
        "memberUid", "uidNumber", "gidNumber", "loginShell", "sshPublicKey", "userPassword"};

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

    @Override
    public void open(Serializable checkpoint) throws Exception {
        SyncRuns.SourceAccess access = runs.source(run(job));
        baseDn = access.source().baseDn();
        filters = List.of(access.source().personFilter(), access.source().groupFilter());
        connection = LdapDirectory.connect(access);
    }

    @Override
    public Object readItem() throws Exception {
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
        SearchRequest request = new SearchRequest(baseDn, SearchScope.SUB, ldapFilter, ATTRIBUTES);
        request.setControls(new SimplePagedResultsControl(PAGE, cookie));
        SearchResult result = connection.search(request);
        page.addAll(result.getSearchEntries());
        SimplePagedResultsControl paged = SimplePagedResultsControl.get(result);
        cookie = paged != null && paged.moreResultsToReturn() ? paged.getCookie() : null;
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
    }

    /** The run this job execution is, from the job parameters. */
    static UUID run(JobContext job) {
        return UUID.fromString(jakarta.batch.runtime.BatchRuntime.getJobOperator().getParameters(job.getExecutionId())
                .getProperty(LdapSyncJobs.RUN));
    }
}
