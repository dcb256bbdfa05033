package dev.signet.directory;

import dev.signet.fault.SignetFault;

/** A request larger than the directory agrees to evaluate (RFC 4511 4.1.9: adminLimitExceeded). */
final class AdminLimitExceeded extends SignetFault {
    private static final long serialVersionUID = 1L;

    AdminLimitExceeded(String message) {
        super(message);
    }
}
