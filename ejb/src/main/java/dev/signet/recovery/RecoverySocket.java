package dev.signet.recovery;

import jakarta.annotation.security.PermitAll;
import dev.signet.domain.DataDirectory;
import dev.signet.fault.SignetFault;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Unix socket, {@code data/signet/recovery.sock}, owned by the server's user and reachable only
 * from its machine, through which the {@code recover-account} command asks the running server to
 * reset a password (as Kanidm's {@code recover-account} does). One request per connection:
 * {@code recover-account NAME\n}; answer {@code OK password\n} or {@code ERR reason\n}.
 */
@PermitAll
@Startup
@Singleton
@DependsOn("FirstBoot")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RecoverySocket {
    private static final Logger LOG = Logger.getLogger(RecoverySocket.class.getName());
    private static final int MAX_REQUEST = 512;

    @Resource
    private ManagedThreadFactory threads;

    @EJB
    private AccountRecovery recovery;

    private volatile ServerSocketChannel server;

    @PostConstruct
    void listen() {
        Path socket = DataDirectory.ensure(DataDirectory.path()).resolve("recovery.sock");
        try {
            Files.deleteIfExists(socket);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.WARNING, "recover-account is unavailable: cannot listen on " + socket, e);
            return;
        }
        Thread acceptor = threads.newThread(this::serve);
        acceptor.setName("signet-recovery-socket");
        acceptor.start();
    }

    @PreDestroy
    void close() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the recovery socket", e);
        }
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                answer(client);
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.log(Level.WARNING, "recovery socket", e);
                }
            }
        }
    }

    private void answer(SocketChannel client) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(MAX_REQUEST);
        while (in.hasRemaining() && client.read(in) > 0) {
            if (in.get(in.position() - 1) == '\n') {
                break;
            }
        }
        String request = new String(in.array(), 0, in.position(), StandardCharsets.UTF_8).strip();
        String reply;
        if (!request.startsWith("recover-account ")) {
            reply = "ERR unknown request\n";
        } else {
            String name = request.substring("recover-account ".length()).strip();
            try {
                char[] password = recovery.recover(new LocalOperator(), name);
                reply = "OK " + new String(password) + "\n";
                Arrays.fill(password, '\0');
            } catch (SignetFault e) {
                reply = "ERR " + e.getMessage() + "\n";
            } catch (EJBException e) {
                reply = "ERR " + (e.getCause() instanceof SignetFault f ? f.getMessage() : "recovery failed; see the server log") + "\n";
                if (!(e.getCause() instanceof SignetFault)) {
                    LOG.log(Level.WARNING, "recover-account failed", e);
                }
            }
        }
        client.write(ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8)));
    }
}
