package dev.signet.directory;

import dev.signet.fault.SignetFault;

/** A compare names an attribute type the directory does not define (RFC 4511 4.10: undefinedAttributeType). */
final class UndefinedAttributeType extends SignetFault {
    private static final long serialVersionUID = 1L;

    UndefinedAttributeType(String attribute) {
        super("no attribute type " + attribute + " is defined here");
    }
}
