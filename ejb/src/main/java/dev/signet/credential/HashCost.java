package dev.signet.credential;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.ToLongFunction;

/** Argon2id cost parameters: memory in KiB, passes, lanes. */
public record HashCost(int memoryKib, int iterations, int parallelism) {
    /** OWASP's first recommendation for Argon2id: 19 MiB, 2 passes, 1 lane. */
    public static final HashCost OWASP = new HashCost(19 * 1024, 2, 1);
    static final int MAX_MEMORY_KIB = 256 * 1024;
    static final int MAX_ITERATIONS = 16;

    /**
     * The cost that takes about {@code target} on this machine, never below OWASP's: more passes
     * while a hash is faster than the target, then more memory. On a machine where OWASP's cost
     * already takes longer than the target, OWASP's cost (the floor a security review expects).
     * {@code timing} measures one hash at a given cost, in nanoseconds.
     */
    static HashCost calibrate(Duration target, ToLongFunction<HashCost> timing) {
        HashCost cost = OWASP;
        long targetNanos = target.toNanos();
        timing.applyAsLong(cost); // warm up the JIT before measuring
        long took = median(cost, timing);
        while (cost.iterations() < MAX_ITERATIONS && took * (cost.iterations() + 1) / cost.iterations() <= targetNanos) {
            cost = new HashCost(cost.memoryKib(), cost.iterations() + 1, cost.parallelism());
            took = median(cost, timing);
        }
        while (cost.memoryKib() * 2 <= MAX_MEMORY_KIB && took * 2 <= targetNanos) {
            cost = new HashCost(cost.memoryKib() * 2, cost.iterations(), cost.parallelism());
            took = median(cost, timing);
        }
        return cost;
    }

    private static long median(HashCost cost, ToLongFunction<HashCost> timing) {
        long[] runs = {timing.applyAsLong(cost), timing.applyAsLong(cost), timing.applyAsLong(cost)};
        Arrays.sort(runs);
        return runs[1];
    }
}
