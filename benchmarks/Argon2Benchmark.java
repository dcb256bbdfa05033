import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Time of one Argon2id hash with Bouncy Castle (the library Signet uses) at a given cost, the
 * figure the first-boot calibration aims at 10 ms:
 *
 *   java -cp ~/.m2/repository/org/bouncycastle/bcprov-jdk18on/1.83/bcprov-jdk18on-1.83.jar \
 *        benchmarks/Argon2Benchmark.java [memoryKiB 19456] [passes 2] [samples 50]
 */
public class Argon2Benchmark {
    public static void main(String[] args) {
        int memory = args.length > 0 ? Integer.parseInt(args[0]) : 19 * 1024;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        byte[] password = "benchmark passphrase".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 10; i++) {
            hash(password, memory, passes); // warm up the JIT
        }
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long t = System.nanoTime();
            hash(password, memory, passes);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("Argon2id m=%d KiB t=%d p=1: p50 %.1f ms, p90 %.1f ms per hash (%d samples, one thread)%n",
                memory, passes, nanos[samples / 2] / 1e6, nanos[samples * 9 / 10] / 1e6, samples);
    }

    private static byte[] hash(byte[] password, int memory, int passes) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory).withIterations(passes).withParallelism(1).withSalt(new byte[16]).build());
        byte[] out = new byte[32];
        generator.generateBytes(password, out);
        return out;
    }
}
