package dev.signet.cli;

import jakarta.json.JsonObject;

/** The server answered with an error status; {@link #problem} is its problem document (or null when it sent none). */
final class Refusal extends CliFault {
    private final int status;
    private final transient JsonObject problem;

    Refusal(int status, JsonObject problem, String line) {
        super(REFUSED, line);
        this.status = status;
        this.problem = problem;
    }

    int status() {
        return status;
    }

    /** The problem's detail, or "" (what the server said, to recognise a read-only session). */
    String detail() {
        return problem != null && problem.containsKey("detail") ? problem.getString("detail", "") : "";
    }

    /** A session that may read but not change: the read-write window has closed or was never opened. */
    boolean needsReadWrite() {
        return status == 403 && detail().contains("read-only");
    }
}
