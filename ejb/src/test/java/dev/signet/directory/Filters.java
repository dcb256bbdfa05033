package dev.signet.directory;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import dev.signet.adapter.ldap.LdapFilter;
import java.util.Arrays;
import java.util.List;

/** Tests write filters as RFC 4515 text; the SDK parses them and they are handed on as the codec would. */
final class Filters {
    private Filters() {
    }

    static LdapFilter parse(String text) {
        try {
            return of(Filter.create(text));
        } catch (LDAPException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static LdapFilter of(Filter f) {
        return switch (f.getFilterType()) {
            case Filter.FILTER_TYPE_AND -> new LdapFilter.And(each(f.getComponents()));
            case Filter.FILTER_TYPE_OR -> new LdapFilter.Or(each(f.getComponents()));
            case Filter.FILTER_TYPE_NOT -> new LdapFilter.Not(of(f.getNOTComponent()));
            case Filter.FILTER_TYPE_EQUALITY -> new LdapFilter.Equality(f.getAttributeName(), f.getAssertionValue());
            case Filter.FILTER_TYPE_APPROXIMATE_MATCH -> new LdapFilter.Approximate(f.getAttributeName(), f.getAssertionValue());
            case Filter.FILTER_TYPE_GREATER_OR_EQUAL -> new LdapFilter.GreaterOrEqual(f.getAttributeName(), f.getAssertionValue());
            case Filter.FILTER_TYPE_LESS_OR_EQUAL -> new LdapFilter.LessOrEqual(f.getAttributeName(), f.getAssertionValue());
            case Filter.FILTER_TYPE_PRESENCE -> new LdapFilter.Present(f.getAttributeName());
            case Filter.FILTER_TYPE_SUBSTRING -> new LdapFilter.Substrings(f.getAttributeName(), f.getSubInitialString(),
                    List.of(f.getSubAnyStrings()), f.getSubFinalString());
            default -> new LdapFilter.ExtensibleMatch(f.getAttributeName(), f.getMatchingRuleID(), f.getAssertionValue(), f.getDNAttributes());
        };
    }

    private static List<LdapFilter> each(Filter[] components) {
        return Arrays.stream(components).map(Filters::of).toList();
    }
}
