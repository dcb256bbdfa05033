package dev.signet.sync;

import dev.signet.fault.SignetFault;

/** The words a failed sync run records: a fault's own message, anything else by its type. */
public final class RunFailure {
    private RunFailure() {
    }

    public static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof SignetFault)) {
            cause = cause.getCause();
        }
        return cause instanceof SignetFault ? cause.getMessage() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** How many entries conflicted, when that is why the run failed. */
    public static int conflicts(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SyncConflicts refused) {
                return refused.count();
            }
        }
        return 0;
    }
}
