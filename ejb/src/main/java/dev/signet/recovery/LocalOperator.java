package dev.signet.recovery;

/**
 * Proof that a call comes from the server's own shell (the recovery socket), not from a network
 * protocol: only this package can make one.
 */
public final class LocalOperator {
    LocalOperator() {
    }
}
