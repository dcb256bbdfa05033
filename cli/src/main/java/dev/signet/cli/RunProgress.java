package dev.signet.cli;

import jakarta.json.JsonValue;
import java.io.PrintStream;

/** A one-line progress bar for a sync run on a terminal: the step, entries read, a bar that moves while it waits. */
final class RunProgress {
    private static final int WIDTH = 24;
    private final PrintStream terminal;
    private int tick;

    /** {@code terminal} null: show nothing (no terminal, or JSON output). */
    RunProgress(PrintStream terminal) {
        this.terminal = terminal;
    }

    void show(JsonValue run) {
        if (terminal == null) {
            return;
        }
        terminal.print("\r" + line(run == null ? "starting" : RestJson.string(run, "step"), run == null ? "0" : RestJson.string(run, "read"), tick++));
        terminal.flush();
    }

    void end() {
        if (terminal != null && tick > 0) {
            terminal.print("\r" + " ".repeat(WIDTH + 40) + "\r");
            terminal.flush();
        }
    }

    /** The bar: reading fills the first half, applying the second; a marker moves within the step's half. */
    static String line(String step, String read, int tick) {
        int half = WIDTH / 2;
        int base = "apply".equals(step) ? half : 0;
        int filled = base + tick % half + 1;
        return "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + step + ", " + read + " read";
    }
}
