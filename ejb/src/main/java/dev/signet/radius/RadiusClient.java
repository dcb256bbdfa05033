package dev.signet.radius;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A network device that asks Signet about logins over RADIUS (a Wi-Fi controller, a VPN gateway,
 * a switch): its name, the addresses it sends from, its shared secret (sealed with the
 * key-encryption key: the server needs it in clear to check and sign packets), the groups whose
 * members may log in through it, in the order that decides whose VLAN applies.
 */
@Entity
@Table(name = "radius_client", indexes = @Index(name = "radius_client_name", columnList = "name", unique = true))
public class RadiusClient {
    @Id
    private UUID uuid;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(length = 1024)
    private String displayname;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "radius_client_address", joinColumns = @JoinColumn(name = "client_uuid"),
            indexes = @Index(name = "radius_client_address_client", columnList = "client_uuid"))
    @OrderColumn(name = "position")
    @Column(name = "address", length = 64)
    private List<String> addresses = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "radius_client_group", joinColumns = @JoinColumn(name = "client_uuid"),
            indexes = @Index(name = "radius_client_group_client", columnList = "client_uuid"))
    @OrderColumn(name = "position")
    @Column(name = "group_uuid")
    private List<UUID> groups = new ArrayList<>();

    @Column(name = "sealed_secret", length = 512)
    private String sealedSecret;

    @Column(name = "require_message_authenticator", nullable = false)
    private boolean requireMessageAuthenticator = true;

    @Column(name = "session_timeout")
    private Integer sessionTimeout;

    @Column(nullable = false)
    private Instant created;

    @Version
    private long version;

    protected RadiusClient() {
    }

    RadiusClient(UUID uuid, String name, Instant now) {
        this.uuid = uuid;
        this.name = name;
        this.created = now;
    }

    public UUID uuid() {
        return uuid;
    }

    public String name() {
        return name;
    }

    Optional<String> displayname() {
        return Optional.ofNullable(displayname);
    }

    void setDisplayname(String displayname) {
        this.displayname = displayname;
    }

    List<String> addresses() {
        return addresses;
    }

    List<UUID> groups() {
        return groups;
    }

    Optional<String> sealedSecret() {
        return Optional.ofNullable(sealedSecret);
    }

    void setSealedSecret(String sealedSecret) {
        this.sealedSecret = sealedSecret;
    }

    boolean requireMessageAuthenticator() {
        return requireMessageAuthenticator;
    }

    void setRequireMessageAuthenticator(boolean require) {
        this.requireMessageAuthenticator = require;
    }

    Optional<Integer> sessionTimeout() {
        return Optional.ofNullable(sessionTimeout);
    }

    void setSessionTimeout(Integer seconds) {
        this.sessionTimeout = seconds;
    }

    long version() {
        return version;
    }
}
