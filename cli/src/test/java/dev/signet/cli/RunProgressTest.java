package dev.signet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RunProgressTest {
    @Test
    void readingFillsTheFirstHalfAndApplyingTheSecond() {
        assertEquals("[#                       ] read, 0 read", RunProgress.line("read", "0", 0));
        assertEquals("[###                     ] read, 120 read", RunProgress.line("read", "120", 2));
        assertEquals("[#############           ] apply, 500 read", RunProgress.line("apply", "500", 0));
        // the marker cycles within its step's half while the run goes on
        assertEquals(RunProgress.line("read", "1", 0), RunProgress.line("read", "1", 12));
    }

    @Test
    void withoutATerminalNothingIsDrawn() {
        new RunProgress(null).show(null);
        ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        RunProgress progress = new RunProgress(new PrintStream(drawn, true, StandardCharsets.UTF_8));
        progress.show(null);
        progress.end();
        String text = drawn.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\r[#") && text.contains("starting, 0 read") && text.endsWith("\r"), text);
    }
}
