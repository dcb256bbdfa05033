package dev.signet.directory;

import dev.signet.adapter.ldap.LdapResult;
import dev.signet.fault.AccessDenied;
import dev.signet.fault.Conflict;
import dev.signet.fault.EntryNotFound;
import dev.signet.fault.InvalidInput;
import dev.signet.fault.NotAuthenticated;
import dev.signet.fault.PolicyViolation;
import dev.signet.fault.SignetFault;
import dev.signet.fault.TooManyRequests;

/**
 * The core's refusals as LDAP results (RFC 4511 4.1.9 and Appendix A): the one place they meet
 * result codes, as {@code ProblemMapper} is for REST. Every operation the gateway answers passes
 * its fault through here, so a refusal from anywhere in the core reaches the client as what it is
 * rather than as {@code other}. The message is the fault's own, written for the caller: faults
 * never name a secret or tell whether an account exists.
 */
final class LdapResultMapper {
    static final int SUCCESS = 0;
    static final int OPERATIONS_ERROR = 1;
    static final int PROTOCOL_ERROR = 2;
    static final int TIME_LIMIT_EXCEEDED = 3;
    static final int SIZE_LIMIT_EXCEEDED = 4;
    static final int COMPARE_FALSE = LdapResult.COMPARE_FALSE;
    static final int COMPARE_TRUE = LdapResult.COMPARE_TRUE;
    static final int ADMIN_LIMIT_EXCEEDED = 11;
    static final int CONFIDENTIALITY_REQUIRED = 13;
    static final int UNDEFINED_ATTRIBUTE_TYPE = 17;
    static final int INAPPROPRIATE_MATCHING = 18;
    static final int CONSTRAINT_VIOLATION = 19;
    static final int INVALID_ATTRIBUTE_SYNTAX = 21;
    static final int NO_SUCH_OBJECT = 32;
    static final int INAPPROPRIATE_AUTHENTICATION = 48;
    static final int INVALID_CREDENTIALS = LdapResult.INVALID_CREDENTIALS;
    static final int INSUFFICIENT_ACCESS_RIGHTS = 50;
    static final int BUSY = 51;
    static final int UNWILLING_TO_PERFORM = 53;

    private LdapResultMapper() {
    }

    /**
     * @param matchedDn the deepest entry that exists above what was asked for (RFC 4511 4.1.9),
     *                  given with noSuchObject: the naming context
     */
    static LdapResult of(SignetFault fault, String matchedDn) {
        if (fault instanceof EntryNotFound) {
            // the entry may exist and be hidden from the caller: the answer is the same
            return new LdapResult(NO_SUCH_OBJECT, matchedDn, "no such entry");
        }
        return new LdapResult(codeOf(fault), "", fault.getMessage());
    }

    static int codeOf(SignetFault fault) {
        if (fault instanceof InappropriateMatching) {
            return INAPPROPRIATE_MATCHING;
        }
        if (fault instanceof UndefinedAttributeType) {
            return UNDEFINED_ATTRIBUTE_TYPE;
        }
        if (fault instanceof AdminLimitExceeded) {
            return ADMIN_LIMIT_EXCEEDED;
        }
        if (fault instanceof InvalidInput) {
            return INVALID_ATTRIBUTE_SYNTAX;
        }
        if (fault instanceof EntryNotFound) {
            return NO_SUCH_OBJECT;
        }
        if (fault instanceof NotAuthenticated) {
            return INAPPROPRIATE_AUTHENTICATION;
        }
        if (fault instanceof AccessDenied) {
            return INSUFFICIENT_ACCESS_RIGHTS;
        }
        if (fault instanceof TooManyRequests) {
            return BUSY;
        }
        if (fault instanceof Conflict || fault instanceof PolicyViolation) {
            return CONSTRAINT_VIOLATION;
        }
        return UNWILLING_TO_PERFORM;
    }
}
