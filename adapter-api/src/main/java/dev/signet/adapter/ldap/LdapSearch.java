package dev.signet.adapter.ldap;

import java.util.List;
import java.util.Objects;

/**
 * RFC 4511 section 4.5.1 SearchRequest, with the filter as the codec decoded it
 * ({@link LdapFilter}): the core's translator, not the adapter, decides what it means.
 *
 * @param baseDn the base object
 * @param scope 0 baseObject, 1 singleLevel, 2 wholeSubtree
 * @param filter the filter; {@link LdapFilter#everything()} when the request had none
 * @param attributes the requested attributes; empty means all user attributes
 * @param sizeLimit the client's size limit, 0 for none
 * @param timeLimitSeconds the client's time limit, 0 for none
 * @param pageSize RFC 2696 paged results size, 0 when the control is absent
 * @param pageCookie RFC 2696 cookie from the previous page, empty for the first
 */
public record LdapSearch(String baseDn, int scope, LdapFilter filter, List<String> attributes,
                         int sizeLimit, int timeLimitSeconds, int pageSize, byte[] pageCookie) {
    public LdapSearch {
        Objects.requireNonNull(baseDn, "baseDn");
        Objects.requireNonNull(filter, "filter");
        if (scope < 0 || scope > 2) {
            throw new IllegalArgumentException("scope must be 0, 1 or 2: " + scope);
        }
        attributes = List.copyOf(attributes == null ? List.of() : attributes);
        pageCookie = pageCookie == null ? new byte[0] : pageCookie.clone();
    }

    @Override
    public byte[] pageCookie() {
        return pageCookie.clone();
    }
}
