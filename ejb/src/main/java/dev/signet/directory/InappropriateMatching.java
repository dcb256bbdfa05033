package dev.signet.directory;

/**
 * A filter asks for a matching rule Signet does not apply to that attribute (RFC 4511 4.1.9:
 * inappropriateMatching): answered as that result code, with this message, never as a rendering
 * of the filter.
 */
final class InappropriateMatching extends RuntimeException {
    InappropriateMatching(String message) {
        super(message, null, false, false);
    }
}
