package dev.signet.directory;

import com.unboundid.ldap.sdk.Filter;
import dev.signet.adapter.ldap.LdapFilter;
import java.util.List;

/**
 * A filter as the UnboundID SDK's {@link Filter}, built node for node (no text between), for the
 * one place the SDK's matching rules evaluate it: the subschema entry, which is not in the database.
 */
final class SdkFilter {
    private SdkFilter() {
    }

    static Filter of(LdapFilter filter) {
        if (filter instanceof LdapFilter.And and) {
            return Filter.createANDFilter(each(and.components()));
        }
        if (filter instanceof LdapFilter.Or or) {
            return Filter.createORFilter(each(or.components()));
        }
        if (filter instanceof LdapFilter.Not not) {
            return Filter.createNOTFilter(of(not.component()));
        }
        if (filter instanceof LdapFilter.Equality f) {
            return Filter.createEqualityFilter(f.attribute(), f.value());
        }
        if (filter instanceof LdapFilter.Approximate f) {
            return Filter.createApproximateMatchFilter(f.attribute(), f.value());
        }
        if (filter instanceof LdapFilter.GreaterOrEqual f) {
            return Filter.createGreaterOrEqualFilter(f.attribute(), f.value());
        }
        if (filter instanceof LdapFilter.LessOrEqual f) {
            return Filter.createLessOrEqualFilter(f.attribute(), f.value());
        }
        if (filter instanceof LdapFilter.Present f) {
            return Filter.createPresenceFilter(f.attribute());
        }
        if (filter instanceof LdapFilter.Substrings f) {
            return Filter.createSubstringFilter(f.attribute(), f.initial(), f.any().toArray(String[]::new), f.last());
        }
        LdapFilter.ExtensibleMatch f = (LdapFilter.ExtensibleMatch) filter;
        return Filter.createExtensibleMatchFilter(f.attribute(), f.matchingRule(), f.dnAttributes(), f.value());
    }

    private static List<Filter> each(List<LdapFilter> components) {
        return components.stream().map(SdkFilter::of).toList();
    }
}
