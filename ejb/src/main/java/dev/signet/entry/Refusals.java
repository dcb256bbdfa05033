package dev.signet.entry;

import dev.signet.fault.Conflict;
import dev.signet.fault.InvalidInput;
import dev.signet.fault.SignetFault;
import java.util.ArrayList;
import java.util.List;

/**
 * What the rules refuse in one run of the {@link WritePath}. A single write stops at the first
 * refusal (its fault is the answer); a change set collects every conflict, one line per entry,
 * so a sync source learns everything wrong with it at once. Invalid input still answers as such
 * (400) when nothing conflicts.
 */
public final class Refusals {
    private final boolean collect;
    private final List<String> conflicts;
    private InvalidInput firstInvalid;

    private Refusals(boolean collect, List<String> conflicts) {
        this.collect = collect;
        this.conflicts = conflicts;
    }

    /** The first refusal is thrown. */
    public static Refusals failFast() {
        return new Refusals(false, new ArrayList<>());
    }

    /** Refusals are collected, after those already {@code found} by the caller's own checks. */
    public static Refusals collecting(List<String> found) {
        return new Refusals(true, new ArrayList<>(found));
    }

    /** {@code write} breaks a rule: {@code message} says which, for the entry. */
    public void conflict(EntryWrite write, String field, String message) {
        if (!collect) {
            throw new Conflict(field, message);
        }
        conflicts.add(write.label() + ": " + message);
    }

    /** A refusal the rule got as a fault (invalid input, a conflict from a helper). */
    public void fault(EntryWrite write, SignetFault fault) {
        if (!collect) {
            throw fault;
        }
        if (fault instanceof Conflict) {
            conflicts.add(write.label() + ": " + fault.getMessage());
        } else if (fault instanceof InvalidInput invalid) {
            if (firstInvalid == null) {
                firstInvalid = invalid;
            }
        } else {
            throw fault;
        }
    }

    public boolean any() {
        return !conflicts.isEmpty() || firstInvalid != null;
    }

    public List<String> conflicts() {
        return List.copyOf(conflicts);
    }

    /** Ends a collecting run: the conflicts if there are any, else the first invalid input. */
    void throwIfAny() {
        if (!conflicts.isEmpty()) {
            throw new WriteRefused(conflicts);
        }
        if (firstInvalid != null) {
            throw firstInvalid;
        }
    }
}
