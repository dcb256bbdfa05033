package dev.signet.credential;

/** What the account policies of an account's groups add up to: the strictest of each rule. */
public record EffectivePolicy(PasswordPolicy password, CredentialType credentialTypeMinimum) {
}
