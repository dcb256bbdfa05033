package dev.signet.ldap.adapter;

import java.time.Duration;

/**
 * What a client may hold of an LDAP listener before it has proved anything, and after. Without
 * these, 40 connections each holding an unfinished 2 MiB PDU took 400 MiB of heap, and a silent
 * connection stayed forever.
 *
 * @param connectionsPerAddress open connections one source address may have ({@code signet.ldap.connections.per.address})
 * @param connections open connections in all ({@code signet.ldap.connections.max})
 * @param idle how long a connection may send and receive nothing before it is closed ({@code signet.ldap.idle.seconds})
 * @param pduDeadline how long a PDU may take from its first byte to its last ({@code signet.ldap.pdu.seconds})
 * @param unfinishedBytes heap all connections together may hold in unfinished PDUs ({@code signet.ldap.unfinished.mib})
 * @param operationsPerAccount operations one bound account may have running at once over all its
 *     connections, so one account cannot take every worker ({@code signet.ldap.operations.per.account})
 */
record ListenerLimits(int connectionsPerAddress, int connections, Duration idle, Duration pduDeadline, long unfinishedBytes,
                      int operationsPerAccount) {
    /** The largest PDU before a successful bind: a bind with a long DN and an API token needs under 2 KiB. */
    static final int UNBOUND_PDU = 8 * 1024;
    /** The largest PDU after one: a search filter of this size is already far past what the directory evaluates. */
    static final int BOUND_PDU = 2 * 1024 * 1024;
    /**
     * Operations one connection may have waiting or running (they run one at a time, in order);
     * past it the listener stops reading that connection, and answers busy to what was already read.
     */
    static final int OPERATIONS_PER_CONNECTION = 8;

    static ListenerLimits defaults() {
        return new ListenerLimits(64, 4096, Duration.ofMinutes(5), Duration.ofSeconds(30), 64L * 1024 * 1024, 16);
    }

    /** The defaults, each overridden by its system property. */
    static ListenerLimits configured() {
        ListenerLimits d = defaults();
        return new ListenerLimits(Integer.getInteger("signet.ldap.connections.per.address", d.connectionsPerAddress()),
                Integer.getInteger("signet.ldap.connections.max", d.connections()),
                Duration.ofSeconds(Long.getLong("signet.ldap.idle.seconds", d.idle().toSeconds())),
                Duration.ofSeconds(Long.getLong("signet.ldap.pdu.seconds", d.pduDeadline().toSeconds())),
                Long.getLong("signet.ldap.unfinished.mib", d.unfinishedBytes() / (1024 * 1024)) * 1024 * 1024,
                Integer.getInteger("signet.ldap.operations.per.account", d.operationsPerAccount()));
    }

    ListenerLimits {
        if (connectionsPerAddress < 1 || connections < 1 || idle.isNegative() || idle.isZero() || pduDeadline.isNegative()
                || pduDeadline.isZero() || unfinishedBytes < BOUND_PDU || operationsPerAccount < 1) {
            throw new IllegalArgumentException("LDAP listener limits must be positive (and leave room for one whole PDU): " + this);
        }
    }
}
