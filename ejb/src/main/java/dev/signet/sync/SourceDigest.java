package dev.signet.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An entry as the source sent it, reduced to a digest (attribute order and value order do not count). */
final class SourceDigest {
    private SourceDigest() {
    }

    static String of(SyncChangeSet.Item item) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        update(sha, item.kind().name());
        update(sha, item.externalId() == null ? "" : item.externalId());
        for (Map.Entry<String, List<String>> attr : new TreeMap<>(item.attrs()).entrySet()) {
            update(sha, attr.getKey());
            update(sha, Integer.toString(attr.getValue().size()));
            attr.getValue().stream().sorted().forEach(v -> update(sha, v));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
    }

    private static void update(MessageDigest sha, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        // length-prefixed, so ("ab","c") and ("a","bc") differ
        sha.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8), (byte) bytes.length});
        sha.update(bytes);
    }
}
