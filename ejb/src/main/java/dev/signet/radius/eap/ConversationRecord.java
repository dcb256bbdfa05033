package dev.signet.radius.eap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the store keeps of a conversation: format version (1), the 32-byte DRBG seed, the
 * SHA-256 of the last message we sent (a replay must reproduce it, or the conversation is
 * refused), and the peer's messages in order, each with a 2-byte length.
 */
record ConversationRecord(byte[] seed, byte[] lastSentDigest, List<byte[]> received) {
    private static final int FORMAT = 1;

    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(FORMAT);
        out.writeBytes(seed);
        out.writeBytes(lastSentDigest);
        for (byte[] message : received) {
            out.write(message.length >>> 8);
            out.write(message.length);
            out.writeBytes(message);
        }
        return out.toByteArray();
    }

    static Optional<ConversationRecord> decode(byte[] in) {
        if (in == null || in.length < 65 || in[0] != FORMAT) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(in, 1, in.length - 1);
        byte[] seed = new byte[32];
        byte[] digest = new byte[32];
        buffer.get(seed).get(digest);
        List<byte[]> received = new ArrayList<>();
        while (buffer.hasRemaining()) {
            if (buffer.remaining() < 2) {
                return Optional.empty();
            }
            int length = buffer.getShort() & 0xFFFF;
            if (buffer.remaining() < length) {
                return Optional.empty();
            }
            byte[] message = new byte[length];
            buffer.get(message);
            received.add(message);
        }
        return Optional.of(new ConversationRecord(seed, digest, received));
    }
}
