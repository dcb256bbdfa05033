package dev.signet.credential;

import dev.signet.model.CredentialType;
import dev.signet.access.BuiltinGroup;
import dev.signet.access.BuiltinAccount;
import dev.signet.model.Account;
import dev.signet.model.Group;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * An account's effective policy: built-in defaults (16-character passwords and MFA for members of
 * idm_admins and system_admins), tightened by the account policy of every group it is in. The
 * break-glass accounts admin and idm_admin always keep password logins, whatever any group's
 * {@code credential_type_minimum} says: they are recovered from the server's shell, and their
 * generated passwords are long.
 */
@PermitAll
@Stateless
public class AccountPolicies {
    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    public EffectivePolicy of(Account account) {
        boolean privileged = account.memberOf().contains(BuiltinGroup.SYSTEM_ADMINS.uuid())
                || account.memberOf().contains(BuiltinGroup.IDM_ADMINS.uuid());
        boolean breakGlass = BuiltinAccount.isBreakGlass(account.uuid());
        PasswordPolicy password = privileged ? PasswordPolicy.PRIVILEGED : PasswordPolicy.DEFAULT;
        CredentialType minimum = privileged && !breakGlass ? CredentialType.MFA : CredentialType.ANY;
        if (account.memberOf().isEmpty()) {
            return new EffectivePolicy(password, minimum);
        }
        List<Group> groups = em.createQuery("select g from Group g where g.uuid in :groups and ("
                        + "g.accountPolicy.passwordMinimumLength is not null or g.accountPolicy.passwordMinimumClasses is not null "
                        + "or g.accountPolicy.passwordHistory is not null or g.accountPolicy.credentialTypeMinimum is not null)", Group.class)
                .setParameter("groups", account.memberOf()).getResultList();
        for (Group group : groups) {
            password = password.tightenedBy(group.accountPolicy());
            CredentialType required = group.accountPolicy().credentialTypeMinimum().flatMap(CredentialType::parse).orElse(CredentialType.ANY);
            // no policy takes the break-glass accounts' password login away: whoever may write a
            // group's policy (or put them into one) must not be able to lock the last way in
            if (!breakGlass) {
                minimum = minimum.stricter(required);
            }
        }
        return new EffectivePolicy(password, minimum);
    }
}
