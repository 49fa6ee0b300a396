package dev.mxj.crypto.olm.crosscheck;

/**
 * The short authentication strings of the spec's SAS verification, derived from the first bytes
 * of the shared secret, to compare with a peer that only hands out emoji indices and decimals.
 */
final class SasCodes {
    private SasCodes() {
    }

    /** Seven emoji indices: the first 42 bits of six bytes, six bits each. */
    static int[] emoji(byte[] sasBytes) {
        long bits = 0;
        for (int i = 0; i < 6; i++) {
            bits = (bits << 8) | (sasBytes[i] & 0xff);
        }
        int[] emoji = new int[7];
        for (int i = 0; i < 7; i++) {
            emoji[i] = (int) ((bits >>> (42 - 6 * i)) & 0x3f);
        }
        return emoji;
    }

    /** Three numbers from 1000 to 9191: the first 39 bits of five bytes, 13 bits each, plus 1000. */
    static int[] decimals(byte[] sasBytes) {
        long bits = 0;
        for (int i = 0; i < 5; i++) {
            bits = (bits << 8) | (sasBytes[i] & 0xff);
        }
        int[] decimals = new int[3];
        for (int i = 0; i < 3; i++) {
            decimals[i] = (int) ((bits >>> (27 - 13 * i)) & 0x1fff) + 1000;
        }
        return decimals;
    }
}
