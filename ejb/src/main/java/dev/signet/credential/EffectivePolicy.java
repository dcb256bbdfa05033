package dev.signet.credential;

import dev.signet.model.CredentialType;

/** What the account policies of an account's groups add up to: the strictest of each rule. */
public record EffectivePolicy(PasswordPolicy password, CredentialType credentialTypeMinimum) {

    /**
     * Why this policy refuses a login proved with {@code used}, or null when it accepts it. Every
     * way of logging in (the step protocol, LDAP binds) asks here, so none is more lenient.
     */
    public String refusalOf(CredentialType used) {
        return credentialTypeMinimum.satisfiedBy(used) ? null : "account policy requires credential type " + credentialTypeMinimum.attributeValue();
    }
}
