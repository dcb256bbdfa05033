import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Client side of recover-account (run by the bin/recover-account launcher with java's source launcher). */
public class RecoverAccount {
    public static void main(String[] args) throws IOException {
        Path socket = Path.of(args[0]);
        if (!Files.exists(socket)) {
            System.err.println("no Signet server is listening at " + socket + " (is it running, and is this its data dir?)");
            System.exit(1);
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(("recover-account " + args[1] + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.shutdownOutput();
            ByteBuffer reply = ByteBuffer.allocate(1024);
            while (channel.read(reply) > 0 && reply.hasRemaining()) {
                // read until the server closes
            }
            String answer = new String(reply.array(), 0, reply.position(), StandardCharsets.UTF_8).strip();
            if (answer.startsWith("OK ")) {
                System.out.println("new password for " + args[1] + ": " + answer.substring(3));
            } else {
                System.err.println(answer.startsWith("ERR ") ? answer.substring(4) : "unexpected answer from the server");
                System.exit(1);
            }
        }
    }
}
