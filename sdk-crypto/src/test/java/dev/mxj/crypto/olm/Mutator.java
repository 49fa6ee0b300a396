package dev.mxj.crypto.olm;

import java.util.Random;

/**
 * Seeded mutations of a valid base64 input: truncated, bit-flipped, wrong alphabet, padded,
 * oversized, spliced, empty, or random. Same seed, same sequence: a failing iteration can be
 * replayed from the seed and index printed by {@link FuzzContract}.
 */
public final class Mutator {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String WRONG = "!@#$%^&*()=-_.~ \n\t\u00e9\u0000\u20ac\ud83d\ude00";

    private final Random random;

    public Mutator(long seed) {
        this.random = new Random(seed);
    }

    public String mutate(String valid) {
        return switch (random.nextInt(10)) {
            case 0 -> "";
            case 1 -> valid.substring(0, random.nextInt(Math.max(1, valid.length())));
            case 2, 3 -> flipBits(valid);
            case 4 -> replaceChar(valid, WRONG.charAt(random.nextInt(WRONG.length())));
            case 5 -> valid + (random.nextBoolean() ? "=" : "==");
            case 6 -> oversized(valid);
            case 7 -> splice(valid);
            case 8 -> replaceChar(valid, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            default -> randomBase64(random.nextInt(2 * valid.length() + 8));
        };
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private String flipBits(String valid) {
        if (valid.isEmpty()) {
            return "A";
        }
        char[] chars = valid.toCharArray();
        int flips = 1 + random.nextInt(3);
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(chars.length);
            chars[at] = (char) (chars[at] ^ (1 << random.nextInt(7)));
        }
        return new String(chars);
    }

    private String replaceChar(String valid, char c) {
        if (valid.isEmpty()) {
            return String.valueOf(c);
        }
        int at = random.nextInt(valid.length());
        return valid.substring(0, at) + c + valid.substring(at + 1);
    }

    private String oversized(String valid) {
        if (random.nextInt(4) == 0) {
            return valid.repeat(2 + random.nextInt(50));
        }
        return valid + randomBase64(1 + random.nextInt(random.nextInt(8) == 0 ? 70_000 : 300));
    }

    private String splice(String valid) {
        int at = valid.isEmpty() ? 0 : random.nextInt(valid.length());
        return valid.substring(0, at) + randomBase64(1 + random.nextInt(40)) + valid.substring(at);
    }

    private String randomBase64(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
