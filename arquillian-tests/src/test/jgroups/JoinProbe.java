import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jgroups.JChannel;
import org.jgroups.conf.ClassConfigurator;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.JDBC_PING2;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.NAKACK4;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UNICAST4;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.stack.IpAddress;
import org.jgroups.util.ExtendedUUID;

/**
 * A JGroups node that knows the cluster's address and name but not its secret: it asks to join
 * the server's cluster ({@code ejb}, the channel {@code ee}) with the server's own protocols, minus
 * SYM_ENCRYPT and AUTH, and prints the size of the view it ends up in. Run with the server's
 * JGroups jar: {@code java -cp jgroups.jar JoinProbe SERVER_PORT OWN_PORT}.
 */
public class JoinProbe {
    public static void main(String[] args) throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        TCPPING discovery = new TCPPING().setInitialHosts2(List.of(new IpAddress(loopback, Integer.parseInt(args[0]))));
        // the server discovers through its database (JDBC_PING2) and answers discovery requests
        // addressed to that protocol: this one speaks under its id
        discovery.setId(ClassConfigurator.getProtocolId(JDBC_PING2.class));
        TCP transport = new TCP();
        transport.setBindAddress(loopback);
        transport.setBindPort(Integer.parseInt(args[1]));
        GMS membership = new GMS();
        membership.setJoinTimeout(3000);
        membership.setMaxJoinAttempts(2);
        try (JChannel channel = new JChannel(transport, discovery, new MERGE3(), new FD_ALL3(), new VERIFY_SUSPECT2(),
                new NAKACK4(), new UNICAST4(), membership, new FRAG4())) {
            channel.setName("probe");
            // the server's nodes carry extended addresses (Infinispan's), and expect them of a peer
            channel.addAddressGenerator(() -> ExtendedUUID.randomUUID("probe").put("v", args[2].getBytes(StandardCharsets.UTF_8)));
            channel.connect("ejb");
            System.out.println("members=" + channel.getView().size() + " " + channel.getView());
        }
    }
}
