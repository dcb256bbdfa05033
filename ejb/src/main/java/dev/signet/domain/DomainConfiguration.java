package dev.signet.domain;

/**
 * Where the installation's settings come from: server system properties, so the same EAR runs
 * unchanged under the embedded default and on an operator's cluster (set them in the server's
 * configuration or with {@code -P file.properties} at start).
 */
public final class DomainConfiguration {
    /** The served DNS name; {@code localhost} makes a working single-machine install. */
    public static final String DOMAIN_PROPERTY = "signet.domain";
    static final String DEFAULT_DOMAIN = "localhost";

    private DomainConfiguration() {
    }

    public static DomainName configuredDomain() {
        return new DomainName(System.getProperty(DOMAIN_PROPERTY, DEFAULT_DOMAIN));
    }
}
