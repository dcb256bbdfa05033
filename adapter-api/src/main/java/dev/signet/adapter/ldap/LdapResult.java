package dev.signet.adapter.ldap;

/**
 * RFC 4511 section 4.1.9 LDAPResult: the result code, the matched DN and a diagnostic message.
 *
 * @param resultCode the numeric result code (0 success, 49 invalidCredentials, ...)
 * @param matchedDn the matched DN, empty when not applicable
 * @param diagnosticMessage a human-readable message; never names a secret or reveals whether an
 *     account exists
 */
public record LdapResult(int resultCode, String matchedDn, String diagnosticMessage) {
    public static final int SUCCESS = 0;
    public static final int COMPARE_FALSE = 5;
    public static final int COMPARE_TRUE = 6;
    public static final int INVALID_CREDENTIALS = 49;

    public LdapResult {
        matchedDn = matchedDn == null ? "" : matchedDn;
        diagnosticMessage = diagnosticMessage == null ? "" : diagnosticMessage;
    }

    public static LdapResult success() {
        return new LdapResult(SUCCESS, "", "");
    }

    @Override
    public String toString() {
        return "LDAPResult(code=" + resultCode + ", matchedDN='" + matchedDn + "', message='" + diagnosticMessage + "')";
    }
}
