package dev.signet.entry;

import dev.signet.model.EntryKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An entry as one caller may see it: attribute name to values, already filtered by access. */
public record EntryView(EntryKind kind, UUID uuid, Map<String, List<String>> attrs) {
    public EntryView {
        attrs = Collections.unmodifiableMap(new LinkedHashMap<>(attrs));
    }
}
