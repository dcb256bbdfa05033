package dev.signet.credential;

import dev.signet.secret.RandomTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in PHC string form ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}),
 * so each hash carries the cost it was made with and old hashes keep verifying when the cost
 * changes. Comparison is constant-time.
 */
public final class PasswordHash {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private PasswordHash() {
    }

    public static String hash(char[] password, HashCost cost) {
        byte[] salt = RandomTokens.bytes(SALT_BYTES);
        byte[] hash = argon2(password, salt, cost, HASH_BYTES);
        return "$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether {@code phc} is an Argon2id hash this class can verify (its parameters and parts parse). */
    static boolean wellFormed(String phc) {
        return parse(phc).isPresent();
    }

    /** Whether {@code password} matches {@code phc}; false (never an exception) for malformed hashes. */
    public static boolean verify(char[] password, String phc) {
        Optional<Parsed> parsed = parse(phc);
        if (parsed.isEmpty()) {
            return false;
        }
        Parsed p = parsed.get();
        return MessageDigest.isEqual(p.hash, argon2(password, p.salt, p.cost, p.hash.length));
    }

    /** Whether {@code phc} is an Argon2id hash made with {@code cost} (else it is upgraded on login). */
    public static boolean isCurrent(String phc, HashCost cost) {
        return parse(phc).map(p -> p.cost.equals(cost)).orElse(false);
    }

    public static boolean isArgon2(String stored) {
        return stored.startsWith("$argon2id$");
    }

    /** Spends the same work as a verification, for accounts that do not exist. */
    public static void verifyNothing(char[] password, HashCost cost) {
        argon2(password, new byte[SALT_BYTES], cost, HASH_BYTES);
    }

    private record Parsed(HashCost cost, byte[] salt, byte[] hash) {
    }

    private static Optional<Parsed> parse(String phc) {
        try {
            String[] parts = phc.split("\\$");
            if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
                return Optional.empty();
            }
            int m = 0;
            int t = 0;
            int p = 0;
            for (String kv : parts[3].split(",")) {
                int value = Integer.parseInt(kv.substring(2));
                switch (kv.charAt(0)) {
                    case 'm' -> m = value;
                    case 't' -> t = value;
                    case 'p' -> p = value;
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            // refuse costs no real hash has, so a crafted hash cannot make a login take minutes
            if (m < 1024 || m > HashCost.MAX_MEMORY_KIB || t < 1 || t > HashCost.MAX_ITERATIONS || p < 1 || p > 16) {
                return Optional.empty();
            }
            byte[] hash = B64D.decode(parts[5]);
            if (hash.length < 16 || hash.length > 64) {
                return Optional.empty();
            }
            return Optional.of(new Parsed(new HashCost(m, t, p), B64D.decode(parts[4]), hash));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    static byte[] argon2(char[] password, byte[] salt, HashCost cost, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        byte[] utf8 = new String(password).getBytes(StandardCharsets.UTF_8);
        generator.generateBytes(utf8, out);
        Arrays.fill(utf8, (byte) 0);
        return out;
    }
}
