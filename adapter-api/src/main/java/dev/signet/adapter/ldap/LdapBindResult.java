package dev.signet.adapter.ldap;

import java.util.Objects;

/**
 * The answer to a bind: its BindResponse, and the identity the connection is bound as from now
 * on (null unless the bind succeeded as an account; an anonymous bind binds no one).
 */
public record LdapBindResult(LdapResult result, LdapBoundIdentity bound) {
    public LdapBindResult {
        Objects.requireNonNull(result, "result");
        if (bound != null && result.resultCode() != LdapResult.SUCCESS) {
            throw new IllegalArgumentException("only a successful bind binds an identity");
        }
    }

    public static LdapBindResult refused(LdapResult result) {
        return new LdapBindResult(result, null);
    }
}
