package dev.signet.entry;

/** What POSIX attributes are derived from, with the defaults Linux clients expect. */
final class Posix {
    static final String DEFAULT_SHELL = "/bin/bash";

    private Posix() {
    }

    static String homeDirectory(String name) {
        return "/home/" + name;
    }
}
