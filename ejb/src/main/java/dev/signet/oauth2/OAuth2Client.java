package dev.signet.oauth2;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * An application that signs its users in with Signet (Kanidm's OAuth2 resource server): its
 * client id is its name; a confidential ("basic") client also holds a secret, stored as a digest.
 */
@Entity
@Cacheable
@Table(name = "oauth2_client", indexes = @Index(name = "oauth2_client_name", columnList = "name", unique = true))
public class OAuth2Client {
    /** Defaults and ceilings of the issue: 15 min access (at most 1 h), 16 h refresh. */
    static final int DEFAULT_ACCESS_SECONDS = 900;
    static final int MAX_ACCESS_SECONDS = 3600;
    static final int DEFAULT_REFRESH_SECONDS = 16 * 3600;

    @Id
    private UUID uuid;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(length = 1024)
    private String displayname;

    @Column(length = 2048)
    private String landing;

    @Column(nullable = false)
    private boolean confidential;

    @Column(name = "secret_digest", length = 64)
    private String secretDigest;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "oauth2_redirect_uri", joinColumns = @JoinColumn(name = "client_uuid"),
            indexes = @Index(name = "oauth2_redirect_uri_client", columnList = "client_uuid"))
    @Column(name = "uri", length = 2048)
    private Set<String> redirectUris = new TreeSet<>();

    @Column(name = "allow_localhost", nullable = false)
    private boolean allowLocalhostRedirect;

    @Column(name = "consent_prompt", nullable = false)
    private boolean consentPrompt = true;

    @Column(name = "pkce_disabled", nullable = false)
    private boolean pkceDisabled;

    /** RS256 instead of ES256, for relying parties that cannot verify ECDSA. */
    @Column(name = "legacy_crypto", nullable = false)
    private boolean legacyCrypto;

    @Column(name = "access_seconds", nullable = false)
    private int accessSeconds = DEFAULT_ACCESS_SECONDS;

    @Column(name = "refresh_seconds", nullable = false)
    private int refreshSeconds = DEFAULT_REFRESH_SECONDS;

    @Column(name = "groups_claim", nullable = false, length = 8)
    private String groupsClaim = GroupsClaim.SPN.value();

    @Column(name = "prefer_short_username", nullable = false)
    private boolean preferShortUsername;

    @Column(nullable = false)
    private Instant created;

    @Version
    private long version;

    protected OAuth2Client() {
    }

    OAuth2Client(UUID uuid, String name, boolean confidential, Instant now) {
        this.uuid = uuid;
        this.name = name;
        this.confidential = confidential;
        this.created = now;
    }

    public UUID uuid() {
        return uuid;
    }

    public String name() {
        return name;
    }

    public Optional<String> displayname() {
        return Optional.ofNullable(displayname);
    }

    void setDisplayname(String displayname) {
        this.displayname = displayname;
    }

    /** What the consent page and the console call the client. */
    public String title() {
        return displayname == null ? name : displayname;
    }

    public Optional<String> landing() {
        return Optional.ofNullable(landing);
    }

    void setLanding(String landing) {
        this.landing = landing;
    }

    public boolean confidential() {
        return confidential;
    }

    Optional<String> secretDigest() {
        return Optional.ofNullable(secretDigest);
    }

    void setSecretDigest(String secretDigest) {
        this.secretDigest = secretDigest;
    }

    public Set<String> redirectUris() {
        return redirectUris;
    }

    /**
     * Exact match, character for character. The one exception is RFC 8252's loopback redirect for
     * native apps, which may use any port, and only for a client that opted into localhost.
     */
    public boolean acceptsRedirect(String presented) {
        if (presented == null) {
            return false;
        }
        if (redirectUris.contains(presented)) {
            return !isLoopbackHttp(presented) || allowLocalhostRedirect;
        }
        if (!allowLocalhostRedirect || !isLoopbackHttp(presented)) {
            return false;
        }
        URI uri = URI.create(presented);
        return redirectUris.stream().filter(OAuth2Client::isLoopbackHttp).map(URI::create)
                .anyMatch(r -> r.getHost().equals(uri.getHost()) && Objects.equals(r.getRawPath(), uri.getRawPath())
                        && Objects.equals(r.getRawQuery(), uri.getRawQuery()) && uri.getRawFragment() == null
                        && uri.getRawUserInfo() == null);
    }

    private static boolean isLoopbackHttp(String uri) {
        try {
            URI parsed = new URI(uri);
            return "http".equalsIgnoreCase(parsed.getScheme()) && ClientAttribute.loopback(parsed);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    public boolean allowLocalhostRedirect() {
        return allowLocalhostRedirect;
    }

    void setAllowLocalhostRedirect(boolean allow) {
        this.allowLocalhostRedirect = allow;
    }

    public boolean consentPrompt() {
        return consentPrompt;
    }

    void setConsentPrompt(boolean consentPrompt) {
        this.consentPrompt = consentPrompt;
    }

    /** PKCE is required unless a confidential client has it explicitly turned off. */
    public boolean pkceRequired() {
        return !(confidential && pkceDisabled);
    }

    public boolean pkceDisabled() {
        return pkceDisabled;
    }

    void setPkceDisabled(boolean pkceDisabled) {
        this.pkceDisabled = pkceDisabled;
    }

    public boolean legacyCrypto() {
        return legacyCrypto;
    }

    void setLegacyCrypto(boolean legacyCrypto) {
        this.legacyCrypto = legacyCrypto;
    }

    public Duration accessLifetime() {
        return Duration.ofSeconds(accessSeconds);
    }

    void setAccessSeconds(int seconds) {
        this.accessSeconds = seconds;
    }

    public Duration refreshLifetime() {
        return Duration.ofSeconds(refreshSeconds);
    }

    void setRefreshSeconds(int seconds) {
        this.refreshSeconds = seconds;
    }

    public GroupsClaim groupsClaim() {
        return GroupsClaim.parse(groupsClaim);
    }

    void setGroupsClaim(GroupsClaim claim) {
        this.groupsClaim = claim.value();
    }

    public boolean preferShortUsername() {
        return preferShortUsername;
    }

    void setPreferShortUsername(boolean prefer) {
        this.preferShortUsername = prefer;
    }

    public Instant created() {
        return created;
    }
}
