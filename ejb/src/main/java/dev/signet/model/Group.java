package dev.signet.model;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A set of people, service accounts and other groups. */
@Entity
@DiscriminatorValue("group")
public class Group extends Entry {
    /** Direct members by UUID; the reverse direction is indexed for memberof. */
    @ElementCollection
    @CollectionTable(name = "group_member", joinColumns = @JoinColumn(name = "group_uuid"),
            indexes = {@Index(name = "group_member_group", columnList = "group_uuid"), @Index(name = "group_member_member", columnList = "member_uuid")})
    @Column(name = "member_uuid")
    private Set<UUID> members = new HashSet<>();

    @Embedded
    private AccountPolicy accountPolicy = new AccountPolicy();

    /** The VLAN its members' RADIUS logins are put on (1-4094), if any. */
    @Column(name = "radius_vlan")
    private Integer radiusVlan;

    /** Extra RADIUS reply attributes for its members, {@code Name=value}, in the order given. */
    @ElementCollection
    @CollectionTable(name = "group_radius_reply", joinColumns = @JoinColumn(name = "group_uuid"),
            indexes = @Index(name = "group_radius_reply_group", columnList = "group_uuid"))
    @OrderColumn(name = "position")
    @Column(name = "reply_value", length = 512)
    private List<String> radiusReplyAttributes = new ArrayList<>();

    protected Group() {
    }

    public Group(UUID uuid, String name, Instant now) {
        super(uuid, name, now);
    }

    @Override
    public EntryKind kind() {
        return EntryKind.GROUP;
    }

    public Set<UUID> members() {
        return members;
    }

    public Optional<Integer> radiusVlan() {
        return Optional.ofNullable(radiusVlan);
    }

    public void setRadiusVlan(Integer vlan) {
        this.radiusVlan = vlan;
    }

    public List<String> radiusReplyAttributes() {
        return radiusReplyAttributes;
    }

    public AccountPolicy accountPolicy() {
        if (accountPolicy == null) {
            // Hibernate leaves an embeddable whose columns are all null as null
            accountPolicy = new AccountPolicy();
        }
        return accountPolicy;
    }
}
