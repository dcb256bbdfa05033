package dev.signet.fault;

import java.time.Duration;

/** A source sent more requests than its rate allows; it may retry after {@link #retryAfter()}. */
public class TooManyRequests extends SignetFault {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public TooManyRequests(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
