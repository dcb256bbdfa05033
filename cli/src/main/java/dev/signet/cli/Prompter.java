package dev.signet.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Questions to the person at the keyboard. On a terminal, secrets are read without echo; without
 * one (a script, a pipe, a test) each secret is the next line of standard input, so
 * {@code printf '%s\n' "$PASSWORD" | signet login -D jsmith} works and nothing is echoed.
 */
class Prompter {
    private final Console console;
    private final PrintStream err;
    private BufferedReader stdin;

    Prompter(Console console, PrintStream err) {
        this.console = console;
        this.err = err;
    }

    boolean interactive() {
        return console != null;
    }

    /** A secret: without echo on a terminal, else the next line of standard input. */
    String secret(String prompt) {
        if (console != null) {
            char[] typed = console.readPassword("%s: ", prompt);
            if (typed == null) {
                throw CliFault.refused("no " + prompt.toLowerCase(Locale.ROOT) + " given");
            }
            String value = new String(typed);
            Arrays.fill(typed, ' ');
            return value;
        }
        return line(prompt);
    }

    /** A new secret: typed twice on a terminal; one line of standard input otherwise. */
    String newSecret(String prompt) {
        String first = secret(prompt);
        if (console != null && !first.equals(secret(prompt + " (again)"))) {
            throw CliFault.refused("the two entries differ; nothing was changed");
        }
        return first;
    }

    /** The next line of standard input (the secret scripts pipe in). */
    String line(String what) {
        try {
            if (stdin == null) {
                stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            }
            String line = stdin.readLine();
            if (line == null) {
                throw CliFault.refused("no " + what.toLowerCase(Locale.ROOT) + " on standard input (no terminal to ask on)");
            }
            return line;
        } catch (IOException e) {
            throw CliFault.refused("cannot read standard input: " + e.getMessage());
        }
    }

    /**
     * Asks before an operation that cannot be undone. {@code --yes} skips the question; without a
     * terminal and without {@code --yes} the operation is refused rather than assumed wanted.
     */
    void confirmIrreversible(boolean yes, String what) {
        if (yes) {
            return;
        }
        if (console == null) {
            throw CliFault.refused("This operation can NOT be undone (" + what + "): no terminal to ask on, so refused; pass --yes to go ahead");
        }
        err.println(what);
        String answer = console.readLine("This operation can NOT be undone. Continue? [y/N] ");
        if (answer == null || !(answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"))) {
            throw CliFault.refused("not confirmed; nothing was changed");
        }
    }

    /** A yes/no question on a terminal (false without one). */
    boolean ask(String question) {
        if (console == null) {
            return false;
        }
        String answer = console.readLine("%s [y/N] ", question);
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
    }

    void say(String line) {
        err.println(line);
    }
}
