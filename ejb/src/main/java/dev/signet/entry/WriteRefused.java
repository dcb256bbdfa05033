package dev.signet.entry;

import dev.signet.fault.Conflict;
import java.util.List;

/** A change set the write rules refused, with every conflict, one line per entry. */
public class WriteRefused extends Conflict {
    private static final long serialVersionUID = 1L;
    private final List<String> conflicts;

    public WriteRefused(List<String> conflicts) {
        super("entries", conflicts.size() + " conflicts");
        this.conflicts = List.copyOf(conflicts);
    }

    public List<String> conflicts() {
        return conflicts;
    }
}
