package dev.signet.fault;

import jakarta.ejb.ApplicationException;

/**
 * A request Signet refuses, for a reason the caller can act on. Each protocol maps the subclasses
 * to its own errors in one place (REST: problem+json; LDAP: result codes). The transaction that
 * raised it is rolled back.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class SignetFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected SignetFault(String message) {
        super(message, null, false, false);
    }
}
