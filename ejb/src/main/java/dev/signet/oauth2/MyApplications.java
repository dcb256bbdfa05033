package dev.signet.oauth2;

import dev.signet.access.AccessControl;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The OAuth2 clients the caller may sign in to: those with a regular scope map for one of the
 * caller's groups (a supplementary map alone admits nobody, as {@link Entitlements} decides), each
 * with the landing page its admins set, as Kanidm's "apps" page lists them.
 */
// access is decided in code: this answers for the authenticated caller itself
@PermitAll
@Stateless
public class MyApplications {
    /** Far more clients than one person uses; bounds the page. */
    static final int MAX = 200;

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private Callers callers;

    /** A client as a person sees it in their list: its name, title and landing page, nothing of its setup. */
    public record Application(String name, String title, Optional<String> landing) {
    }

    public List<Application> list() {
        Caller caller = callers.current();
        AccessControl.requireAuthenticated(caller);
        if (caller.memberOf().isEmpty()) {
            return List.of();
        }
        return em.createQuery("select c from OAuth2Client c where c.uuid in (select m.client from ScopeMap m "
                        + "where m.supplementary = false and m.group in :groups) order by c.name", OAuth2Client.class)
                .setParameter("groups", caller.memberOf()).setMaxResults(MAX).getResultList().stream()
                .map(c -> new Application(c.name(), c.title(), c.landing())).toList();
    }
}
