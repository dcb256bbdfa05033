package dev.signet.ldap.adapter;

import java.nio.charset.StandardCharsets;
import org.apache.directory.api.ldap.model.filter.AndNode;
import org.apache.directory.api.ldap.model.filter.BranchNode;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.filter.ExtensibleNode;
import org.apache.directory.api.ldap.model.filter.NotNode;
import org.apache.directory.api.ldap.model.filter.OrNode;

/**
 * A decoded search filter written back as RFC 4515 text for the core. The codec's own
 * {@code toString} is RFC 4515 for every node but an extensible match, which it writes in an
 * internal form ({@code (uid-false-EXTENSIBLE-caseExactMatch-x)}) that no parser reads; this
 * writes that one as {@code (uid:caseExactMatch:=x)}, and so must rebuild the and, or and not
 * around it.
 */
final class FilterText {
    private FilterText() {
    }

    static String of(ExprNode node) {
        return write(node, new StringBuilder()).toString();
    }

    private static StringBuilder write(ExprNode node, StringBuilder text) {
        if (node instanceof ExtensibleNode extensible) {
            // RFC 4515 3: [attr] [":dn"] [":" rule] ":=" value
            text.append('(');
            if (extensible.getAttribute() != null) {
                text.append(extensible.getAttribute());
            }
            if (extensible.hasDnAttributes()) {
                text.append(":dn");
            }
            if (extensible.getMatchingRuleId() != null) {
                text.append(':').append(extensible.getMatchingRuleId());
            }
            byte[] value = extensible.getValue() == null ? new byte[0] : extensible.getValue().getBytes();
            return text.append(":=").append(escape(value)).append(')');
        }
        if (node instanceof BranchNode branch && (node instanceof AndNode || node instanceof OrNode || node instanceof NotNode)) {
            text.append('(').append(node instanceof AndNode ? '&' : node instanceof OrNode ? '|' : '!');
            for (ExprNode child : branch.getChildren()) {
                write(child, text);
            }
            return text.append(')');
        }
        return text.append(node);
    }

    /** RFC 4515 3: a value with the characters a filter must escape escaped, and every non-ASCII byte. */
    static String escape(byte[] value) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : value) {
            char c = (char) (b & 0xFF);
            if (c == '*' || c == '(' || c == ')' || c == '\\' || c == 0 || c > 0x7F) {
                escaped.append(String.format("\\%02x", b & 0xFF));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    static String escape(String value) {
        return escape(value.getBytes(StandardCharsets.UTF_8));
    }
}
