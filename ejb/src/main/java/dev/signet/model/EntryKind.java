package dev.signet.model;

/** The kinds of entry; each has its own admins and its own REST collection. */
public enum EntryKind {
    PERSON("person"),
    GROUP("group"),
    SERVICE_ACCOUNT("service_account");

    private final String restName;

    EntryKind(String restName) {
        this.restName = restName;
    }

    /** The name used in REST paths and in the {@code class} attribute. */
    public String restName() {
        return restName;
    }
}
