package dev.signet.adapter.ldap;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * RFC 4511 section 4.5.1.7 Filter, as the adapter's codec decoded it: the one filter object that
 * travels from the wire to the core's query, so nothing is printed and parsed again on the way.
 * The core alone decides what each attribute and matching rule means. Values are the assertion
 * values as sent (octet strings read as UTF-8), never escaped; {@link #toString()} writes the
 * filter as RFC 4515 text, e.g. {@code (&(objectClass=posixAccount)(uid=jsmith))}, for logs and tests.
 */
public sealed interface LdapFilter {

    /** What a search without a filter of its own asks: every entry. */
    static LdapFilter everything() {
        return new Present("objectClass");
    }

    /** RFC 4511 and: true when every component is. */
    record And(List<LdapFilter> components) implements LdapFilter {
        public And {
            components = List.copyOf(components);
        }

        @Override
        public String toString() {
            return branch('&', components);
        }
    }

    /** RFC 4511 or: true when any component is. */
    record Or(List<LdapFilter> components) implements LdapFilter {
        public Or {
            components = List.copyOf(components);
        }

        @Override
        public String toString() {
            return branch('|', components);
        }
    }

    record Not(LdapFilter component) implements LdapFilter {
        public Not {
            Objects.requireNonNull(component, "component");
        }

        @Override
        public String toString() {
            return "(!" + component + ")";
        }
    }

    /** {@code (attr=value)}. */
    record Equality(String attribute, String value) implements LdapFilter {
        public Equality {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "(" + attribute + "=" + escape(value) + ")";
        }
    }

    /** {@code (attr~=value)}. */
    record Approximate(String attribute, String value) implements LdapFilter {
        public Approximate {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "(" + attribute + "~=" + escape(value) + ")";
        }
    }

    /** {@code (attr>=value)}. */
    record GreaterOrEqual(String attribute, String value) implements LdapFilter {
        public GreaterOrEqual {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "(" + attribute + ">=" + escape(value) + ")";
        }
    }

    /** {@code (attr<=value)}. */
    record LessOrEqual(String attribute, String value) implements LdapFilter {
        public LessOrEqual {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "(" + attribute + "<=" + escape(value) + ")";
        }
    }

    /** {@code (attr=*)}. */
    record Present(String attribute) implements LdapFilter {
        public Present {
            Objects.requireNonNull(attribute, "attribute");
        }

        @Override
        public String toString() {
            return "(" + attribute + "=*)";
        }
    }

    /**
     * {@code (attr=initial*any*...*last)}: {@code initial} and {@code last} are null when the
     * pattern starts or ends with {@code *}.
     */
    record Substrings(String attribute, String initial, List<String> any, String last) implements LdapFilter {
        public Substrings {
            Objects.requireNonNull(attribute, "attribute");
            any = List.copyOf(any == null ? List.of() : any);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("(").append(attribute).append('=');
            if (initial != null) {
                text.append(escape(initial));
            }
            text.append('*');
            for (String part : any) {
                text.append(escape(part)).append('*');
            }
            if (last != null) {
                text.append(escape(last));
            }
            return text.append(')').toString();
        }
    }

    /**
     * RFC 4511 4.5.1.7.7 {@code (attr:dn:rule:=value)}: {@code attribute} and {@code matchingRule}
     * are each null when absent.
     */
    record ExtensibleMatch(String attribute, String matchingRule, String value, boolean dnAttributes) implements LdapFilter {
        public ExtensibleMatch {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("(");
            if (attribute != null) {
                text.append(attribute);
            }
            if (dnAttributes) {
                text.append(":dn");
            }
            if (matchingRule != null) {
                text.append(':').append(matchingRule);
            }
            return text.append(":=").append(escape(value)).append(')').toString();
        }
    }

    private static String branch(char operator, List<LdapFilter> components) {
        StringBuilder text = new StringBuilder("(").append(operator);
        components.forEach(text::append);
        return text.append(')').toString();
    }

    /** RFC 4515 3: a value with {@code * ( ) \ NUL} and every non-ASCII byte escaped as {@code \xx}. */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c == '*' || c == '(' || c == ')' || c == '\\' || c == 0 || c > 0x7F) {
                escaped.append(String.format("\\%02x", b & 0xFF));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
