package dev.mxj.crypto.store;

import dev.mxj.crypto.CryptoException;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The key every pickle is encrypted with before it reaches a {@link CryptoStore}, derived from a
 * passphrase the app supplies.
 *
 * <p>Derivation: PBKDF2-HMAC-SHA-512 (JCA's {@code PBKDF2WithHmacSHA512}) over the passphrase, with a
 * random 16-byte salt kept in the store ({@link PickleKeyParams}), gives 32 bytes. Those bytes are
 * the pickle key the Olm backend encrypts with: for libolm, AES-256-CBC with an HMAC-SHA-256 tag,
 * both keyed by HKDF-SHA-256 of the pickle key. So the store holds ciphertext only, and a pickle
 * stays readable by any libolm-compatible tool (vodozemac's {@code from_libolm_pickle}) given the
 * 32 bytes. A check value (HMAC-SHA-256 of a fixed text) tells a wrong passphrase apart from a
 * damaged store.
 *
 * <p>Close the key when done: that wipes its bytes.
 */
public final class PickleKey implements AutoCloseable {
    /** The one derivation mxj writes. */
    public static final String PBKDF2_HMAC_SHA512 = "pbkdf2-hmac-sha512";
    /** The default PBKDF2 iteration count (OWASP's recommendation for HMAC-SHA-512, 2023). */
    public static final int DEFAULT_ITERATIONS = 210_000;
    /** The error name of a wrong passphrase. */
    public static final String WRONG_PASSPHRASE = "WRONG_PICKLE_PASSPHRASE";

    private static final int KEY_BYTES = 32;
    private static final int SALT_BYTES = 16;
    private static final byte[] CHECK_TEXT = "mxj pickle key check v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final PickleKeyParams params;
    private boolean closed;

    private PickleKey(byte[] key, PickleKeyParams params) {
        this.key = key;
        this.params = params;
    }

    /** Derives a new key, with a fresh salt, from {@code passphrase}; save {@link #params()}. */
    public static PickleKey create(char[] passphrase, int iterations) {
        Objects.requireNonNull(passphrase, "passphrase");
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        String saltText = b64(salt);
        byte[] key = pbkdf2(passphrase, salt, iterations);
        return new PickleKey(key, new PickleKeyParams(PBKDF2_HMAC_SHA512, saltText, iterations, check(key)));
    }

    /**
     * Derives the key again from {@code passphrase} and stored {@code params}.
     *
     * @throws CryptoException {@link #WRONG_PASSPHRASE} if the passphrase is not the one the
     *                         params were made with; {@code UNKNOWN_PICKLE_VERSION} for an unknown
     *                         derivation
     */
    public static PickleKey open(char[] passphrase, PickleKeyParams params) {
        Objects.requireNonNull(passphrase, "passphrase");
        if (!PBKDF2_HMAC_SHA512.equals(params.algorithm())) {
            throw new CryptoException(CryptoException.UNKNOWN_PICKLE_VERSION,
                    "The crypto store's pickle key uses the unknown derivation '" + params.algorithm()
                            + "'; open it with the mxj version that wrote it");
        }
        byte[] salt = Base64.getDecoder().decode(params.salt());
        byte[] key = pbkdf2(passphrase, salt, params.iterations());
        byte[] expected = Base64.getDecoder().decode(params.check());
        byte[] actual = Base64.getDecoder().decode(check(key));
        if (!MessageDigest.isEqual(expected, actual)) {
            Arrays.fill(key, (byte) 0);
            throw new CryptoException(WRONG_PASSPHRASE,
                    "The passphrase does not open this crypto store; pass the passphrase it was created with");
        }
        return new PickleKey(key, params);
    }

    /** A copy of the 32 key bytes, to pass to the backend's pickle methods; wipe it after use. */
    public synchronized byte[] bytes() {
        if (closed) {
            throw new IllegalStateException("The pickle key was closed");
        }
        return key.clone();
    }

    /** How the key was derived, to store next to the pickles. */
    public PickleKeyParams params() {
        return params;
    }

    /** Wipes the key bytes. */
    @Override
    public synchronized void close() {
        Arrays.fill(key, (byte) 0);
        closed = true;
    }

    private static byte[] pbkdf2(char[] passphrase, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, KEY_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM lacks PBKDF2WithHmacSHA512, which every Java 17 has", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static String check(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return b64(mac.doFinal(CHECK_TEXT));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM lacks HmacSHA256, which every Java 17 has", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "PickleKey[" + params.algorithm() + ", " + params.iterations() + " iterations]";
    }
}
