package dev.signet.fault;

/** No such entry, or one the caller may not see: the two are indistinguishable on purpose. */
public class EntryNotFound extends SignetFault {
    private static final long serialVersionUID = 1L;

    public EntryNotFound(String id) {
        super("no entry " + id);
    }
}
