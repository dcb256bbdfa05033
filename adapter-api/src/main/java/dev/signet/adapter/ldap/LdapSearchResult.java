package dev.signet.adapter.ldap;

import java.util.List;
import java.util.Map;

/**
 * The answer to a search: the entries (RFC 4511 SearchResultEntry), the final SearchResultDone,
 * and the RFC 2696 cookie for the next page (empty when there is none).
 */
public record LdapSearchResult(List<Entry> entries, LdapResult done, byte[] nextPageCookie) {
    public LdapSearchResult {
        entries = List.copyOf(entries);
        nextPageCookie = nextPageCookie == null ? new byte[0] : nextPageCookie.clone();
    }

    @Override
    public byte[] nextPageCookie() {
        return nextPageCookie.clone();
    }

    /** One SearchResultEntry: its DN and attribute values, already filtered to what was asked. */
    public record Entry(String dn, Map<String, List<String>> attributes) {
        public Entry {
            attributes = Map.copyOf(attributes);
        }
    }
}
