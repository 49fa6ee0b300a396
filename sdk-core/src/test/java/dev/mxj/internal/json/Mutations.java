package dev.mxj.internal.json;

import java.util.Random;

/** Seeded random edits of JSON text, for the parser tests: deletions, insertions and replacements. */
final class Mutations {
    private static final String ALPHABET = "{}[]\":,\\ -.0123456789eEtrufalsn";

    private Mutations() {
    }

    /** {@code json} with {@code edits} characters deleted, inserted or replaced at random places. */
    static String mutate(Random random, String json, int edits) {
        StringBuilder out = new StringBuilder(json);
        for (int m = edits; m > 0 && out.length() > 0; m--) {
            int at = random.nextInt(out.length());
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(3)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, c);
                default -> out.setCharAt(at, c);
            }
        }
        return out.toString();
    }
}
