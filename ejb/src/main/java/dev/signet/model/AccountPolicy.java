package dev.signet.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Optional;

/**
 * The account policy a group sets for its members (Kanidm's {@code account_policy}). Unset values
 * leave the built-in default; where a member is in several groups, the strictest value wins.
 */
@Embeddable
public class AccountPolicy {
    @Column(name = "policy_pw_min_length")
    private Integer passwordMinimumLength;

    @Column(name = "policy_pw_min_classes")
    private Integer passwordMinimumClasses;

    @Column(name = "policy_pw_history")
    private Integer passwordHistory;

    @Column(name = "policy_cred_type_min", length = 16)
    private String credentialTypeMinimum;

    public Optional<Integer> passwordMinimumLength() {
        return Optional.ofNullable(passwordMinimumLength);
    }

    public void setPasswordMinimumLength(Integer value) {
        this.passwordMinimumLength = value;
    }

    public Optional<Integer> passwordMinimumClasses() {
        return Optional.ofNullable(passwordMinimumClasses);
    }

    public void setPasswordMinimumClasses(Integer value) {
        this.passwordMinimumClasses = value;
    }

    public Optional<Integer> passwordHistory() {
        return Optional.ofNullable(passwordHistory);
    }

    public void setPasswordHistory(Integer value) {
        this.passwordHistory = value;
    }

    public Optional<String> credentialTypeMinimum() {
        return Optional.ofNullable(credentialTypeMinimum);
    }

    public void setCredentialTypeMinimum(String value) {
        this.credentialTypeMinimum = value;
    }

    /** Whether the group sets no policy at all (its members keep what their other groups say). */
    public boolean isEmpty() {
        return passwordMinimumLength == null && passwordMinimumClasses == null && passwordHistory == null && credentialTypeMinimum == null;
    }
}
