package dev.mxj.crypto.olm;

/**
 * One side of a Short Authentication String verification ({@code m.sas.v1}): an ephemeral
 * Curve25519 key pair, the shared secret once the other side's key is set, and the spec's
 * HKDF-derived bytes and MACs.
 *
 * <p>Thread safety: safe to share; operations run one at a time. Operations other than
 * {@link #publicKey()} before {@link #setTheirPublicKey(String)} throw
 * {@link dev.mxj.crypto.CryptoException} {@code OLM_SAS_THEIR_KEY_NOT_SET}.
 */
public interface Sas extends OlmResource {

    /** Our ephemeral public key, unpadded base64 (sent in {@code m.key.verification.key}). */
    String publicKey();

    /** Sets the other side's ephemeral public key (unpadded base64) and derives the shared secret. */
    void setTheirPublicKey(String theirPublicKey);

    /** True once {@link #setTheirPublicKey(String)} succeeded. */
    boolean isTheirKeySet();

    /**
     * Derives {@code count} bytes from the shared secret with HKDF-SHA-256 and {@code info}: 5
     * bytes for the emoji and decimal methods, with the spec's {@code MATRIX_KEY_VERIFICATION_SAS|…}
     * info string.
     *
     * @throws IllegalArgumentException if {@code count} is not in 0..8160 (HKDF-SHA-256's limit)
     */
    byte[] generateBytes(String info, int count);

    /**
     * The MAC of {@code input} for {@code info} as {@code hkdf-hmac-sha256.v2} defines it: HMAC-SHA-256
     * with an HKDF-derived key, in correct unpadded base64 (libolm's
     * {@code olm_sas_calculate_mac_fixed_base64}).
     */
    String calculateMac(String input, String info);

    /**
     * The MAC as the older {@code hkdf-hmac-sha256} method defines it: the same HMAC, written in the
     * malformed base64 libolm's {@code olm_sas_calculate_mac} produces. Only for peers that offer
     * nothing newer.
     */
    String calculateMacInvalidBase64(String input, String info);
}
