package dev.mxj.crypto.olm;

import dev.mxj.crypto.CryptoException;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs one input path over seeded mutations of a valid input. Every call must either succeed
 * (and pass the path's own checks) or throw {@link CryptoException}; anything else fails the test
 * with the seed, iteration and input. A JVM crash fails the whole surefire run.
 */
public final class Fuzzer {
    /** The seed every path derives its own from; change it to explore, keep it to reproduce. */
    public static final long SEED = 0x6d786a_2024L;
    /** Iterations per path (override with -Dmxj.fuzz.iterations=N). */
    public static final int ITERATIONS = Integer.getInteger("mxj.fuzz.iterations", 3000);

    /** The operation under test; it asserts on what a success returned. */
    @FunctionalInterface
    public interface Op {
        void run(String input);
    }

    private Fuzzer() {
    }

    public static Map<String, Integer> fuzz(String path, String valid, Op op) {
        long seed = SEED ^ path.hashCode();
        Mutator mutator = new Mutator(seed);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < ITERATIONS; i++) {
            String input = mutator.mutate(valid);
            try {
                op.run(input);
                outcomes.merge("ok", 1, Integer::sum);
            } catch (CryptoException e) {
                outcomes.merge(e.errorName(), 1, Integer::sum);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError(path + ": seed " + seed + " iteration " + i + " input "
                        + abbreviate(input) + " -> " + e, e);
            }
        }
        System.out.println("fuzz " + path + " (" + ITERATIONS + "): " + outcomes);
        assertTrue(outcomes.keySet().stream().anyMatch(k -> !k.equals("ok")), path + ": no mutation was rejected");
        return outcomes;
    }

    private static String abbreviate(String input) {
        String shown = input.length() > 200 ? input.substring(0, 200) + "...(" + input.length() + " chars)" : input;
        return "\"" + shown.replace("\n", "\\n") + "\"";
    }
}
