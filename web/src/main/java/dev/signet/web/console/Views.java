package dev.signet.web.console;

import dev.signet.entry.EntryView;
import java.util.List;
import java.util.Map;

/** Reading the core's views on a page: an attribute's first value, or all of them. */
public final class Views {
    private Views() {
    }

    public static String first(EntryView view, String attribute) {
        return first(view.attrs(), attribute);
    }

    public static String first(Map<String, List<String>> attrs, String attribute) {
        List<String> values = attrs.get(attribute);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    public static List<String> all(Map<String, List<String>> attrs, String attribute) {
        List<String> values = attrs.get(attribute);
        return values == null ? List.of() : values;
    }

    /** An entry's name from its spn ({@code name@domain}), for links. */
    public static String nameOf(String spn) {
        int at = spn.indexOf('@');
        return at < 0 ? spn : spn.substring(0, at);
    }
}
