package dev.signet.web.console;

import dev.signet.oauth2.MyApplications;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** {@code /ui/self/applications}: the OAuth2 clients the person may sign in to, with their landing pages. */
@Named("myApplications")
@RequestScoped
public class SelfApplicationsPage {
    @EJB
    private MyApplications applications;

    private List<MyApplications.Application> list;

    public List<MyApplications.Application> getApplications() {
        if (list == null) {
            list = applications.list();
        }
        return list;
    }
}
