package dev.signet.cli;

/** Why a command ended without doing its work: one line for the user and the exit code that goes with it. */
class CliFault extends RuntimeException {
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;

    private final int exitCode;

    CliFault(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    static CliFault refused(String message) {
        return new CliFault(REFUSED, message);
    }

    static CliFault usage(String message) {
        return new CliFault(USAGE, message);
    }

    static CliFault unreachable(String message) {
        return new CliFault(UNREACHABLE, message);
    }
}
