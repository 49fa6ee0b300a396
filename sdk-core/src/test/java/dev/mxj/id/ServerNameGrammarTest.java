package dev.mxj.id;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link ServerName}'s hand-written check accepts exactly the spec's grammar, written here as the
 * regular expression it replaced, on seeded random strings built from the characters that matter.
 */
class ServerNameGrammarTest {
    private static final Pattern GRAMMAR = Pattern.compile(
            "(?:\\[[0-9A-Fa-f:.]{2,45}]|[0-9]{1,3}(?:\\.[0-9]{1,3}){3}|[A-Za-z0-9.-]{1,255})(?::[0-9]{1,5})?");
    private static final String ALPHABET = "[]:.-09aFzZ_ /@";

    @Test
    void acceptsWhatTheGrammarAccepts() {
        Random random = new Random(20261126);
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            String candidate = candidate(random);
            boolean grammar = GRAMMAR.matcher(candidate).matches() && portInRange(candidate);
            assertEquals(grammar, accepts(candidate), () -> "'" + candidate + "'");
            accepted += grammar ? 1 : 0;
        }
        // The generator must reach both outcomes often, or the comparison proves little.
        assertEquals(true, accepted > 20_000 && accepted < 180_000, "accepted " + accepted);
    }

    @Test
    void lengthLimits() {
        assertEquals(true, accepts("a".repeat(255)));
        assertEquals(false, accepts("a".repeat(256)));
        assertEquals(true, accepts("[" + "1".repeat(45) + "]:1"));
        assertEquals(false, accepts("[" + "1".repeat(46) + "]"));
        assertEquals(false, accepts("[1]"));
        assertEquals(true, accepts("h:65535"));
        assertEquals(false, accepts("h:065536"));
    }

    private static String candidate(Random random) {
        StringBuilder s = new StringBuilder();
        switch (random.nextInt(4)) {
            case 0 -> s.append('[').append(pick(random, "0123456789abcdefABCDEF:.", random.nextInt(48))).append(']');
            case 1 -> s.append(random.nextInt(300)).append('.').append(random.nextInt(300)).append('.')
                    .append(random.nextInt(10)).append('.').append(random.nextInt(1000));
            case 2 -> s.append(pick(random, "abcxyzABC019.-", random.nextInt(12)));
            default -> s.append(pick(random, ALPHABET, random.nextInt(10)));
        }
        if (random.nextBoolean()) {
            s.append(':').append(pick(random, "0123456789", random.nextInt(7)));
        }
        if (random.nextInt(8) == 0) {
            s.insert(random.nextInt(s.length() + 1), ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    private static String pick(Random random, String chars, int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            s.append(chars.charAt(random.nextInt(chars.length())));
        }
        return s.toString();
    }

    private static boolean portInRange(String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= value.lastIndexOf(']')) {
            return true;
        }
        int port = Integer.parseInt(value.substring(colon + 1));
        return port >= 1 && port <= 65535;
    }

    private static boolean accepts(String value) {
        try {
            ServerName.of(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
