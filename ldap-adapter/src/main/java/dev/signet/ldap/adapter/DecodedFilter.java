package dev.signet.ldap.adapter;

import dev.signet.adapter.ldap.LdapFilter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.directory.api.ldap.model.entry.Value;
import org.apache.directory.api.ldap.model.filter.AndNode;
import org.apache.directory.api.ldap.model.filter.ApproximateNode;
import org.apache.directory.api.ldap.model.filter.EqualityNode;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.filter.ExtensibleNode;
import org.apache.directory.api.ldap.model.filter.GreaterEqNode;
import org.apache.directory.api.ldap.model.filter.LessEqNode;
import org.apache.directory.api.ldap.model.filter.NotNode;
import org.apache.directory.api.ldap.model.filter.OrNode;
import org.apache.directory.api.ldap.model.filter.PresenceNode;
import org.apache.directory.api.ldap.model.filter.SubstringNode;

/**
 * The codec's decoded filter as the contract's {@link LdapFilter}, node for node: no text on the
 * way, so no escaping to get wrong and no second parser. A node the codec produces that RFC 4511
 * does not define (none is known) becomes a filter that matches nothing, as an undefined filter
 * must (RFC 4511 4.5.1.7).
 */
final class DecodedFilter {
    private DecodedFilter() {
    }

    static LdapFilter of(ExprNode node) {
        if (node == null) {
            return LdapFilter.everything();
        }
        // recursion is bounded: the codec refuses a PDU past the listener's size limit, and the core bounds depth
        if (node instanceof AndNode and) {
            return new LdapFilter.And(each(and.getChildren()));
        }
        if (node instanceof OrNode or) {
            return new LdapFilter.Or(each(or.getChildren()));
        }
        if (node instanceof NotNode not) {
            return new LdapFilter.Not(of(not.getFirstChild()));
        }
        if (node instanceof EqualityNode<?> equality) {
            return new LdapFilter.Equality(equality.getAttribute(), text(equality.getValue()));
        }
        if (node instanceof GreaterEqNode<?> greater) {
            return new LdapFilter.GreaterOrEqual(greater.getAttribute(), text(greater.getValue()));
        }
        if (node instanceof LessEqNode<?> less) {
            return new LdapFilter.LessOrEqual(less.getAttribute(), text(less.getValue()));
        }
        if (node instanceof ApproximateNode<?> approximate) {
            return new LdapFilter.Approximate(approximate.getAttribute(), text(approximate.getValue()));
        }
        if (node instanceof PresenceNode present) {
            return new LdapFilter.Present(present.getAttribute());
        }
        if (node instanceof SubstringNode substrings) {
            return new LdapFilter.Substrings(substrings.getAttribute(), substrings.getInitial(), substrings.getAny(), substrings.getFinal());
        }
        if (node instanceof ExtensibleNode extensible) {
            return new LdapFilter.ExtensibleMatch(extensible.getAttribute(), extensible.getMatchingRuleId(), text(extensible.getValue()),
                    extensible.hasDnAttributes());
        }
        return new LdapFilter.Not(LdapFilter.everything());
    }

    private static List<LdapFilter> each(List<ExprNode> children) {
        List<LdapFilter> filters = new ArrayList<>(children.size());
        for (ExprNode child : children) {
            filters.add(of(child));
        }
        return filters;
    }

    /** An assertion value is an octet string; Signet's attributes are all text, read as UTF-8. */
    private static String text(Value value) {
        return value == null || value.getBytes() == null ? "" : new String(value.getBytes(), StandardCharsets.UTF_8);
    }
}
