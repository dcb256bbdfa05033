package dev.signet.directory;

import dev.signet.fault.SignetFault;

/**
 * A filter asks for a matching rule Signet does not apply to that attribute (RFC 4511 4.1.9:
 * inappropriateMatching): answered as that result code, with this message, never as a rendering
 * of the filter.
 */
final class InappropriateMatching extends SignetFault {
    private static final long serialVersionUID = 1L;

    InappropriateMatching(String message) {
        super(message);
    }
}
