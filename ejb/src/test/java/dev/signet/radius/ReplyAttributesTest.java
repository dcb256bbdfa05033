package dev.signet.radius;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signet.adapter.radius.RadiusAnswer.ReplyAttribute;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyAttributesTest {
    private static String describe(ReplyAttribute a) {
        return a.vendor() + "/" + a.type();
    }

    @Test
    void theFirstAllowedGroupWithAVlanGivesTheVlanTriple() {
        List<ReplyAttribute> reply = ReplyAttributes.accept("jsmith", List.of(
                new ReplyAttributes.GroupReply("staff", Optional.empty(), List.of()),
                new ReplyAttributes.GroupReply("wifi_users", Optional.of(100), List.of()),
                new ReplyAttributes.GroupReply("guests", Optional.of(200), List.of())), Optional.empty());
        assertEquals(List.of("0/1", "0/64", "0/65", "0/81"), reply.stream().map(ReplyAttributesTest::describe).toList());
        assertArrayEquals("jsmith".getBytes(StandardCharsets.UTF_8), reply.get(0).value());
        assertArrayEquals(new byte[] {0, 0, 0, 13}, reply.get(1).value(), "Tunnel-Type VLAN, tag 0");
        assertArrayEquals(new byte[] {0, 0, 0, 6}, reply.get(2).value(), "Tunnel-Medium-Type IEEE-802");
        assertArrayEquals("100".getBytes(StandardCharsets.US_ASCII), reply.get(3).value());
    }

    @Test
    void everyAllowedGroupAddsItsReplyAttributesOnceInOrder() {
        List<ReplyAttribute> reply = ReplyAttributes.accept("jsmith", List.of(
                new ReplyAttributes.GroupReply("netadmins", Optional.empty(), List.of("Cisco-AVPair=shell:priv-lvl=15", "HP-Privilege-Level=15")),
                new ReplyAttributes.GroupReply("aruba", Optional.empty(), List.of("Aruba-Admin-Role=root", "Cisco-AVPair=shell:priv-lvl=15"))),
                Optional.of(3600));
        assertEquals(List.of("0/1", "9/1", "11/1", "14823/4", "0/27"), reply.stream().map(ReplyAttributesTest::describe).toList());
        assertArrayEquals("shell:priv-lvl=15".getBytes(StandardCharsets.UTF_8), reply.get(1).value());
        assertArrayEquals(new byte[] {0, 0, 0, 15}, reply.get(2).value(), "an integer attribute is four octets");
        assertArrayEquals(new byte[] {0, 0, 0x0e, 0x10}, reply.get(4).value(), "Session-Timeout 3600");
    }

    @Test
    void withoutGroupsTheReplyIsTheUserNameAlone() {
        assertEquals(List.of("0/1"), ReplyAttributes.accept("jsmith", List.of(), Optional.empty()).stream()
                .map(ReplyAttributesTest::describe).toList());
    }
}
