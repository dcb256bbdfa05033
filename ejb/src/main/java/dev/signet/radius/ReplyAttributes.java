package dev.signet.radius;

import dev.signet.adapter.radius.RadiusAnswer.ReplyAttribute;
import dev.signet.schema.RadiusReplyAttribute;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The attributes an Access-Accept carries: User-Name (the account's name, so the device logs and
 * accounts under the real name whatever alias was typed), the VLAN triple of RFC 3580 section
 * 3.31 (Tunnel-Type VLAN, Tunnel-Medium-Type IEEE-802, Tunnel-Private-Group-Id), the groups'
 * extra reply attributes, and the client's Session-Timeout.
 *
 * <p>Which group decides: only the client's allowed groups the person belongs to contribute (a
 * group another device is configured with says nothing here), in the order the client lists
 * them in {@code radius_group}. The first of them that sets {@code radius_vlan} gives the VLAN;
 * every one of them adds its {@code radius_reply_attribute} values, in that order, each distinct
 * value once.
 */
public final class ReplyAttributes {
    static final int USER_NAME = 1;
    static final int SESSION_TIMEOUT = 27;
    static final int TUNNEL_TYPE = 64;
    static final int TUNNEL_MEDIUM_TYPE = 65;
    static final int TUNNEL_PRIVATE_GROUP_ID = 81;
    /** RFC 2868 section 3.1 / RFC 3580: Tunnel-Type VLAN (13), Tunnel-Medium-Type IEEE-802 (6). */
    static final int VLAN = 13;
    static final int IEEE_802 = 6;

    /** What one allowed group of the person says about the reply. */
    public record GroupReply(String group, Optional<Integer> vlan, List<String> attributes) {
    }

    private ReplyAttributes() {
    }

    /** The Accept's attributes for {@code userName}, from its allowed groups in the client's order. */
    public static List<ReplyAttribute> accept(String userName, List<GroupReply> groupsInClientOrder, Optional<Integer> sessionTimeout) {
        List<ReplyAttribute> reply = new ArrayList<>();
        reply.add(new ReplyAttribute(0, USER_NAME, userName.getBytes(StandardCharsets.UTF_8), false));
        groupsInClientOrder.stream().map(GroupReply::vlan).flatMap(Optional::stream).findFirst().ifPresent(vlan -> {
            // tag 0 (RFC 2868 section 3.1): the attribute is about the one tunnel there is
            reply.add(new ReplyAttribute(0, TUNNEL_TYPE, integer(VLAN), false));
            reply.add(new ReplyAttribute(0, TUNNEL_MEDIUM_TYPE, integer(IEEE_802), false));
            reply.add(new ReplyAttribute(0, TUNNEL_PRIVATE_GROUP_ID, Integer.toString(vlan).getBytes(StandardCharsets.US_ASCII), false));
        });
        Set<String> seen = new LinkedHashSet<>();
        for (GroupReply group : groupsInClientOrder) {
            for (String written : group.attributes()) {
                if (seen.add(written)) {
                    try {
                        RadiusReplyAttribute parsed = RadiusReplyAttribute.parse(written);
                        reply.add(new ReplyAttribute(parsed.vendor(), parsed.type(), parsed.value(), false));
                    } catch (IllegalArgumentException e) {
                        // stored values were checked when written; one the dictionary no longer knows is left out
                    }
                }
            }
        }
        sessionTimeout.ifPresent(seconds -> reply.add(new ReplyAttribute(0, SESSION_TIMEOUT, integer(seconds), false)));
        return reply;
    }

    static byte[] integer(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }
}
