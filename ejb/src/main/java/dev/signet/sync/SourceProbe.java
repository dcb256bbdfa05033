package dev.signet.sync;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;

/**
 * {@code _ldap/_test}: one connection to a sync source, as a run would make it, and a count of
 * the entries each filter matches (names only, a page at a time, up to {@link #COUNT_LIMIT}).
 */
public final class SourceProbe {
    /** Counting stops here: the test says "at least" rather than read a huge directory. */
    static final int COUNT_LIMIT = 100_000;
    private static final int PAGE = 1000;

    /** What the test found: the counts, or the stage that failed and why. */
    public record Result(long people, long groups, boolean complete, String stage, String failure) {
        static Result failed(SourceFailure failure) {
            return new Result(0, 0, false, failure.stage().label(), failure.getMessage());
        }
    }

    private SourceProbe() {
    }

    static Result probe(LdapSource source, char[] password) {
        try (LDAPConnection connection = SourceDirectory.connect(source, password)) {
            long people = count(connection, source.baseDn(), source.personFilter());
            long groups = count(connection, source.baseDn(), source.groupFilter());
            return new Result(Math.min(people, COUNT_LIMIT), Math.min(groups, COUNT_LIMIT), people <= COUNT_LIMIT && groups <= COUNT_LIMIT, null, null);
        } catch (SourceFailure e) {
            return Result.failed(e);
        } catch (LDAPException e) {
            return Result.failed(SourceFailure.at(SourceFailure.Stage.SEARCH, e));
        }
    }

    private static long count(LDAPConnection connection, String base, String filter) throws LDAPException {
        long count = 0;
        ASN1OctetString cookie = null;
        do {
            SearchRequest request = new SearchRequest(base, SearchScope.SUB, filter, SearchRequest.NO_ATTRIBUTES);
            request.setControls(new SimplePagedResultsControl(PAGE, cookie));
            SearchResult result = connection.search(request);
            count += result.getEntryCount();
            SimplePagedResultsControl paged = SimplePagedResultsControl.get(result);
            cookie = paged != null && paged.moreResultsToReturn() ? paged.getCookie() : null;
        } while (cookie != null && count <= COUNT_LIMIT);
        return count;
    }
}
