package dev.signet.adapter.radius;

/**
 * What the adapter handles without the core's decision, counted and reported to the core's
 * metrics in batches: packets dropped (never answered, RFC 2865 section 3: "silently discarded")
 * and the ones it answers itself.
 */
public enum RadiusEvent {
    /** From an address no RADIUS client is registered for. */
    DROP_UNKNOWN_CLIENT("unknown_client"),
    /** Message-Authenticator or accounting request authenticator wrong: the wrong shared secret, or forged. */
    DROP_BAD_AUTHENTICATOR("bad_authenticator"),
    /** An Access-Request without Message-Authenticator from a client that must send one (BlastRADIUS). */
    DROP_NO_MESSAGE_AUTHENTICATOR("no_message_authenticator"),
    /** Without Message-Authenticator but with Proxy-State ({@code limit_proxy_state}, for clients exempted from the rule above). */
    DROP_PROXY_STATE("proxy_state_without_message_authenticator"),
    /** Not a RADIUS packet: short, lengths that disagree, broken attributes. */
    DROP_MALFORMED("malformed"),
    /** A code this port does not serve (an Accounting-Request on 1812, an Access-Accept sent to the server). */
    DROP_UNSUPPORTED("unsupported_code"),
    /** Every worker busy and the queue full: dropped so that a flood stalls no answer already underway. */
    DROP_OVERLOAD("overload"),
    /** The core failed to answer (logged); dropped, so the client retries. */
    DROP_FAILED("failed"),
    /** A retransmission of a request being decided: the first copy is answered. */
    DROP_DUPLICATE_IN_PROGRESS("duplicate_in_progress"),
    /** A retransmission of a request already answered (RFC 5080 section 2.2.2): the same answer sent again. */
    DUPLICATE_ANSWERED("duplicate_answered"),
    /** RFC 5997 Status-Server, answered by the adapter. */
    STATUS_SERVER("status_server");

    private final String label;

    RadiusEvent(String label) {
        this.label = label;
    }

    /** The metric label. */
    public String label() {
        return label;
    }
}
