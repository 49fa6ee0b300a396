package dev.mxj.crypto.store;

import java.util.Objects;

/**
 * How the pickle key is derived from the app's passphrase; stored (in the clear) next to the
 * pickles so that the same passphrase gives the same key after a restart. See {@link PickleKey}.
 *
 * @param algorithm  the derivation, {@link PickleKey#PBKDF2_HMAC_SHA512}
 * @param salt       the random salt, unpadded base64 (16 bytes)
 * @param iterations the PBKDF2 iteration count
 * @param check      HMAC-SHA-256 of a fixed text under the derived key, unpadded base64: tells a
 *                   wrong passphrase apart from a corrupted pickle, without revealing the key
 */
public record PickleKeyParams(String algorithm, String salt, int iterations, String check) {
    public PickleKeyParams {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(check, "check");
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, not " + iterations);
        }
    }
}
