package dev.signet.sync;

import dev.signet.fault.Conflict;
import java.util.List;

/** A change set refused whole: each line names an entry and the rule it broke. */
public class SyncConflicts extends Conflict {
    private static final long serialVersionUID = 1L;
    private final int count;

    public SyncConflicts(List<String> lines) {
        super("entries", "nothing was applied; " + lines.size() + " conflict(s):\n" + String.join("\n", lines));
        this.count = lines.size();
    }

    public int count() {
        return count;
    }
}
