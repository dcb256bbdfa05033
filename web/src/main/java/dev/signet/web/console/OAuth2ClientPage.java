package dev.signet.web.console;

import dev.signet.fault.SignetFault;
import dev.signet.oauth2.OAuth2Clients;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /ui/admin/oauth2-client?id=name}: redirect URIs, landing URL, the switches and token
 * lifetimes, scope maps and supplementary scope maps per group, claim maps, secret and key
 * rotation (the new secret shown once), the discovery URL, deletion.
 */
@Named("client")
@RequestScoped
public class OAuth2ClientPage {
    /** The switches and lifetimes the settings form edits, as the core names them. */
    static final List<String> SWITCHES = List.of("oauth2_consent_prompt_enable", "oauth2_allow_insecure_client_disable_pkce",
            "oauth2_jwt_legacy_crypto_enable", "oauth2_allow_localhost_redirect", "oauth2_prefer_short_username");
    static final List<String> SETTINGS = List.of("displayname", "oauth2_rs_origin_landing", "oauth2_access_token_expiry",
            "oauth2_refresh_token_expiry", "oauth2_groups_claim");

    @EJB
    private OAuth2Clients clients;

    private String id;
    private OAuth2Clients.ClientView client;
    private boolean missing;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, Boolean> switches = new LinkedHashMap<>();
    private String redirectUri;
    private String scopeGroup;
    private String scopes;
    private boolean supplementary;
    private String claim;
    private String claimGroup;
    private String claimValues;
    private String typed;
    private String secret;
    private boolean secretTaken;

    public OAuth2Clients.ClientView getClient() {
        if (client == null && !missing) {
            try {
                client = clients.get(getId() == null ? "" : getId());
                SETTINGS.forEach(s -> settings.put(s, Views.first(client.attrs(), s)));
                SWITCHES.forEach(s -> switches.put(s, "true".equals(Views.first(client.attrs(), s))));
            } catch (SignetFault e) {
                missing = true;
                Pages.error(e.getMessage());
            }
        }
        return client;
    }

    public String first(String attribute) {
        return getClient() == null ? "" : Views.first(client.attrs(), attribute);
    }

    public List<String> values(String attribute) {
        return getClient() == null ? List.of() : Views.all(client.attrs(), attribute);
    }

    public boolean isConfidential() {
        return values("class").contains("oauth2_resource_server_basic");
    }

    public String getDiscoveryUrl() {
        var request = Pages.request();
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + "/oauth2/openid/" + first("name")
                + "/.well-known/openid-configuration";
    }

    /** The secret made by create or rotate just before this page, shown this once. */
    public String getSecret() {
        if (!secretTaken) {
            secret = ConsoleSession.takeShown(Pages.request(), "client-secret");
            secretTaken = true;
        }
        return secret;
    }

    private String here() {
        return OAuth2ClientsPage.link(first("name"));
    }

    public void saveSettings() {
        Map<String, List<String>> attrs = new LinkedHashMap<>();
        settings.forEach((k, v) -> attrs.put(k, v == null || v.isBlank() ? List.of() : List.of(v.trim())));
        switches.forEach((k, v) -> attrs.put(k, List.of(String.valueOf(Boolean.TRUE.equals(v)))));
        if (Pages.attempt(() -> clients.replace(getId(), attrs)) != null) {
            Pages.done("Settings saved.", here());
        }
    }

    public void addRedirectUri() {
        if (Pages.attempt(() -> clients.addRedirectUris(getId(), List.of(redirectUri == null ? "" : redirectUri.trim()))) != null) {
            Pages.done("Redirect URI added.", here());
        }
    }

    public void removeRedirectUri(String uri) {
        if (Pages.attempt(() -> clients.removeRedirectUris(getId(), List.of(uri))) != null) {
            Pages.done("Redirect URI removed.", here());
        }
    }

    public void mapScopes() {
        List<String> list = scopes == null ? List.of() : Arrays.stream(scopes.split("[\\s,]+")).filter(s -> !s.isBlank()).toList();
        if (Pages.attempt(() -> clients.mapScopes(getId(), scopeGroup, supplementary, list)) != null) {
            Pages.done((supplementary ? "Supplementary scope map" : "Scope map") + " for " + scopeGroup + " saved.", here());
        }
    }

    /** A scope map line is "group@domain: {...}": unmapped by its group. */
    public void unmapScopes(String line, boolean sup) {
        String group = line.substring(0, line.indexOf(':'));
        if (Pages.attempt(() -> clients.unmapScopes(getId(), group, sup)) != null) {
            Pages.done("Scope map for " + group + " removed.", here());
        }
    }

    public void mapClaim() {
        List<String> list = claimValues == null ? List.of() : Arrays.stream(claimValues.split("[\\s,]+")).filter(s -> !s.isBlank()).toList();
        if (Pages.attempt(() -> clients.mapClaim(getId(), claim, claimGroup, list)) != null) {
            Pages.done("Claim " + claim + " mapped for " + claimGroup + ".", here());
        }
    }

    /** A claim map line is "claim:group@domain:values". */
    public void unmapClaim(String line) {
        String[] parts = line.split(":", 3);
        if (Pages.attempt(() -> clients.unmapClaim(getId(), parts[0], parts[1])) != null) {
            Pages.done("Claim map removed.", here());
        }
    }

    public void rotateSecret() {
        OAuth2Clients.WithSecret rotated = Pages.attempt(() -> clients.rotateSecret(getId()));
        if (rotated != null) {
            ConsoleSession.showOnce(Pages.request(), "client-secret", rotated.secret());
            Pages.done("New secret made: the old one no longer works.", here());
        }
    }

    public void rotateKeys() {
        if (Pages.attempt(() -> clients.rotateKeys(getId())) != null) {
            Pages.done("New signing keys made.", here());
        }
    }

    public void delete() {
        if (!first("name").equals(typed == null ? "" : typed.trim())) {
            Pages.error("Type the name exactly to confirm.");
            return;
        }
        if (Pages.attempt(() -> clients.delete(getId()))) {
            Pages.done("Client " + first("name") + " deleted.", "/ui/admin/oauth2-clients");
        }
    }

    public Map<String, String> getSettings() {
        getClient();
        return settings;
    }

    public Map<String, Boolean> getSwitches() {
        getClient();
        return switches;
    }

    public List<String> getSwitchNames() {
        return SWITCHES;
    }

    /** From the view parameter, or straight from the request while a post is processed (before the model is updated). */
    public String getId() {
        if (id == null) {
            id = Pages.request().getParameter("id");
        }
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRedirectUri() {
        return redirectUri;
    }

    public void setRedirectUri(String redirectUri) {
        this.redirectUri = redirectUri;
    }

    public String getScopeGroup() {
        return scopeGroup;
    }

    public void setScopeGroup(String scopeGroup) {
        this.scopeGroup = scopeGroup;
    }

    public String getScopes() {
        return scopes;
    }

    public void setScopes(String scopes) {
        this.scopes = scopes;
    }

    public boolean isSupplementary() {
        return supplementary;
    }

    public void setSupplementary(boolean supplementary) {
        this.supplementary = supplementary;
    }

    public String getClaim() {
        return claim;
    }

    public void setClaim(String claim) {
        this.claim = claim;
    }

    public String getClaimGroup() {
        return claimGroup;
    }

    public void setClaimGroup(String claimGroup) {
        this.claimGroup = claimGroup;
    }

    public String getClaimValues() {
        return claimValues;
    }

    public void setClaimValues(String claimValues) {
        this.claimValues = claimValues;
    }

    public String getTyped() {
        return typed;
    }

    public void setTyped(String typed) {
        this.typed = typed;
    }
}
