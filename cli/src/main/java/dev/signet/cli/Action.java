package dev.signet.cli;

import jakarta.json.JsonValue;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that does one thing against the server; it returns normally when done and throws a {@link CliFault} when not. */
@Command
abstract class Action implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    abstract void run();

    @Override
    public Integer call() {
        run();
        return 0;
    }

    Signet root() {
        return (Signet) spec.root().userObject();
    }

    Api api() {
        return root().api();
    }

    Prompter prompter() {
        return root().prompter();
    }

    PrintStream out() {
        return root().out();
    }

    boolean json() {
        return root().output() == Signet.Output.json;
    }

    /** Prints the REST body as is for {@code -o json}, else the text form. */
    void show(Server.Answer answer, Runnable text) {
        if (json()) {
            if (answer.body() != null && !answer.body().isBlank()) {
                out().println(answer.body());
            }
        } else {
            text.run();
        }
    }

    /** For a change the server answers with 204 or an entry: a line saying it is done in text mode. */
    void done(Server.Answer answer, String line) {
        show(answer, () -> out().println(line));
    }

    void print(String text) {
        out().print(text);
        out().flush();
    }

    static String seg(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static JsonValue orEmpty(JsonValue value) {
        return value == null ? JsonValue.EMPTY_JSON_OBJECT : value;
    }
}
