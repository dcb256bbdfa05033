package dev.signet.web.console;

import dev.signet.oauth2.OAuth2Clients;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** {@code /ui/admin/oauth2-clients}: the clients, and creating one (confidential or public). */
@Named("clients")
@RequestScoped
public class OAuth2ClientsPage {
    @EJB
    private OAuth2Clients clients;

    private List<OAuth2Clients.ClientView> all;
    private String name;
    private String displayname;
    private String landing;
    private String redirectUris;
    private boolean confidential = true;

    public List<OAuth2Clients.ClientView> getAll() {
        if (all == null) {
            all = clients.list();
        }
        return all;
    }

    public static String link(String name) {
        return "/ui/admin/oauth2-client?id=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    public String linkOf(OAuth2Clients.ClientView client) {
        return link(Views.first(client.attrs(), "name"));
    }

    /** Created: the secret goes to the client's page, which shows it this once. */
    public void create() {
        List<String> uris = redirectUris == null ? List.of()
                : Arrays.stream(redirectUris.split("\\s+")).filter(s -> !s.isBlank()).toList();
        OAuth2Clients.WithSecret created = Pages.attempt(() -> clients.create(name, displayname,
                landing == null || landing.isBlank() ? null : landing.trim(), uris, confidential, Map.of()));
        if (created != null) {
            String client = Views.first(created.client().attrs(), "name");
            if (created.secret() != null) {
                ConsoleSession.showOnce(Pages.request(), "client-secret", created.secret());
            }
            Pages.done("Client " + client + " created.", link(client));
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDisplayname() {
        return displayname;
    }

    public void setDisplayname(String displayname) {
        this.displayname = displayname;
    }

    public String getLanding() {
        return landing;
    }

    public void setLanding(String landing) {
        this.landing = landing;
    }

    public String getRedirectUris() {
        return redirectUris;
    }

    public void setRedirectUris(String redirectUris) {
        this.redirectUris = redirectUris;
    }

    public boolean isConfidential() {
        return confidential;
    }

    public void setConfidential(boolean confidential) {
        this.confidential = confidential;
    }
}
