package dev.mxj.crypto.attachment;

import java.util.List;
import java.util.Objects;

/**
 * The attachment's key as a JSON Web Key (RFC 7517, with the W3C {@code ext} extension), the
 * {@code key} of an {@link EncryptedFile}. mxj writes {@code kty: oct}, {@code alg: A256CTR},
 * {@code key_ops: [encrypt, decrypt]}, {@code ext: true} and the 32-byte key in URL-safe unpadded
 * base64. Reading keeps whatever the sender wrote; {@link AttachmentDecryptor} checks it.
 *
 * <p>{@link #toString()} leaves the key out: log this value freely.
 *
 * @param kty    {@code kty}, the key type; must be {@code oct}
 * @param keyOps {@code key_ops}; must contain {@code encrypt} and {@code decrypt}
 * @param alg    {@code alg}; must be {@code A256CTR}
 * @param k      {@code k}, the key, URL-safe unpadded base64. A secret
 * @param ext    {@code ext}; must be true (read as true when a sender left it out)
 */
public record JsonWebKey(String kty, List<String> keyOps, String alg, String k, boolean ext) {
    /** The key type the specification requires. */
    public static final String KTY_OCT = "oct";
    /** The algorithm the specification requires. */
    public static final String ALG_A256CTR = "A256CTR";

    public JsonWebKey {
        Objects.requireNonNull(kty, "kty");
        keyOps = List.copyOf(keyOps);
        Objects.requireNonNull(alg, "alg");
        Objects.requireNonNull(k, "k");
    }

    /** The key the specification describes, around 32 key bytes. */
    static JsonWebKey aes256Ctr(byte[] key) {
        return new JsonWebKey(KTY_OCT, List.of("encrypt", "decrypt"), ALG_A256CTR, Unpadded.urlSafe(key), true);
    }

    /** The fields, with {@code k} left out. */
    @Override
    public String toString() {
        return "JsonWebKey[kty=" + kty + ", keyOps=" + keyOps + ", alg=" + alg + ", k=(secret), ext=" + ext + "]";
    }
}
