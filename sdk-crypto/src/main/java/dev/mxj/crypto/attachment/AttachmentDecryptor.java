package dev.mxj.crypto.attachment;

import dev.mxj.crypto.attachment.AttachmentException.Reason;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Set;

/**
 * Checks and decrypts attachments described by an {@link EncryptedFile}. {@link #of} refuses a
 * description mxj cannot use, before any byte is read; the ciphertext's SHA-256 hash is then
 * checked against the description's {@code sha256}.
 *
 * <p>Two ways to decrypt, by when the hash is checked:
 * <ul>
 *   <li>{@link #decrypt(byte[])} checks the whole ciphertext first and returns only verified
 *       plaintext; {@link EncryptedMedia#download} does the same for files of any size, through a
 *       temporary file of ciphertext.</li>
 *   <li>{@link #decrypt(InputStream)} streams: it hands out plaintext as it reads and checks the
 *       hash when it reaches the end, throwing there if the file was changed. Until that last read
 *       returned -1 the bytes are unverified: do not show or keep them as the file before then.</li>
 * </ul>
 *
 * <p>The hash protects the ciphertext only. A wrong key or IV (which arrive inside the
 * Megolm-encrypted, authenticated event, so only the sender can get them wrong) cannot be detected
 * by version 2: it decrypts to garbage. Immutable and thread-safe; each call decrypts independently.
 */
public final class AttachmentDecryptor {
    /** The versions with a 64-bit counter that mxj decrypts: the specification's and its predecessor. */
    private static final Set<String> VERSIONS = Set.of(EncryptedFile.V2, "v1");
    private static final int SHA256_BYTES = 32;

    private final byte[] key;
    private final byte[] iv;
    private final byte[] expectedHash;

    private AttachmentDecryptor(byte[] key, byte[] iv, byte[] expectedHash) {
        this.key = key;
        this.iv = iv;
        this.expectedHash = expectedHash;
    }

    /**
     * A decryptor for {@code file}, after checking that mxj can decrypt it.
     *
     * @throws AttachmentException {@link Reason#UNSUPPORTED_VERSION} for a {@code v} other than
     *                             {@code v2} or {@code v1}; {@link Reason#UNSUPPORTED_ALGORITHM}
     *                             for a key that is not {@code oct}/{@code A256CTR};
     *                             {@link Reason#INVALID_KEY}, {@link Reason#INVALID_IV} or
     *                             {@link Reason#INVALID_HASH} for a key, IV or {@code sha256} hash
     *                             that is missing, not base64, or of the wrong length
     */
    public static AttachmentDecryptor of(EncryptedFile file) {
        Objects.requireNonNull(file, "file");
        if (!VERSIONS.contains(file.version())) {
            throw new AttachmentException(Reason.UNSUPPORTED_VERSION, "The attachment is version '" + file.version()
                    + "'; mxj decrypts version v2 (and v1). It was sent by a newer or unknown client; update mxj,"
                    + " or ask the sender for a v2 attachment");
        }
        JsonWebKey jwk = file.key();
        if (!JsonWebKey.KTY_OCT.equals(jwk.kty()) || !JsonWebKey.ALG_A256CTR.equals(jwk.alg())) {
            throw new AttachmentException(Reason.UNSUPPORTED_ALGORITHM, "The attachment's key is kty '" + jwk.kty()
                    + "', alg '" + jwk.alg() + "'; encrypted attachments use kty 'oct' with alg 'A256CTR'."
                    + " The sender's client wrote an invalid event; the file cannot be decrypted");
        }
        if (!jwk.keyOps().contains("decrypt")) {
            throw new AttachmentException(Reason.INVALID_KEY, "The attachment's key_ops " + jwk.keyOps()
                    + " do not include 'decrypt' (the specification requires 'encrypt' and 'decrypt')."
                    + " The sender's client wrote an invalid event; the file cannot be decrypted");
        }
        byte[] key = Unpadded.decode(jwk.k()).filter(k -> k.length == AesCtr64.KEY_BYTES).orElseThrow(() ->
                new AttachmentException(Reason.INVALID_KEY, "The attachment's key 'k' is not 32 bytes of URL-safe"
                        + " base64. The sender's client wrote an invalid event; the file cannot be decrypted"));
        byte[] iv = Unpadded.decode(file.iv()).filter(v -> v.length == AesCtr64.IV_BYTES).orElseThrow(() ->
                new AttachmentException(Reason.INVALID_IV, "The attachment's 'iv' is not 16 bytes of base64."
                        + " The sender's client wrote an invalid event; the file cannot be decrypted"));
        String sha256 = file.sha256().orElseThrow(() -> new AttachmentException(Reason.INVALID_HASH,
                "The attachment has no 'sha256' hash in 'hashes' " + file.hashes().keySet() + ", so it cannot be"
                        + " checked and mxj does not decrypt it. Ask the sender to send it again"));
        byte[] hash = Unpadded.decode(sha256).filter(h -> h.length == SHA256_BYTES).orElseThrow(() ->
                new AttachmentException(Reason.INVALID_HASH, "The attachment's 'sha256' hash is not 32 bytes of"
                        + " base64. The sender's client wrote an invalid event; the file cannot be decrypted"));
        return new AttachmentDecryptor(key, iv, hash);
    }

    /**
     * Checks that {@code ciphertext} matches the hash, then decrypts it.
     *
     * @throws AttachmentException {@link Reason#HASH_MISMATCH} if it does not match; nothing is decrypted
     */
    public byte[] decrypt(byte[] ciphertext) {
        MessageDigest sha256 = AttachmentEncryptor.newSha256();
        sha256.update(ciphertext);
        check(sha256);
        byte[] plaintext = new byte[ciphertext.length];
        new AesCtr64(key, iv).apply(ciphertext, 0, ciphertext.length, plaintext, 0);
        return plaintext;
    }

    /**
     * Reads {@code ciphertext} to its end and checks its hash, without decrypting. Does not close it.
     *
     * @throws AttachmentException {@link Reason#HASH_MISMATCH} if it does not match
     * @throws IOException         if reading fails
     */
    public void verify(InputStream ciphertext) throws IOException {
        MessageDigest sha256 = AttachmentEncryptor.newSha256();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = ciphertext.read(buffer)) >= 0; ) {
            sha256.update(buffer, 0, n);
        }
        check(sha256);
    }

    /**
     * A stream of the plaintext of {@code ciphertext}, decrypted as it is read; closing it closes
     * {@code ciphertext}. The hash is checked when the end is reached: if it does not match, the
     * read that reached the end (and every later one) throws an {@link AttachmentException} with
     * {@link Reason#HASH_MISMATCH} instead of returning -1, and everything read before must be
     * thrown away. The exception is unchecked, so it passes through {@code transferTo} and the like.
     */
    public InputStream decrypt(InputStream ciphertext) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        return new DecryptingInputStream(new AesCtr64(key, iv), ciphertext);
    }

    private void check(MessageDigest sha256) {
        if (!MessageDigest.isEqual(sha256.digest(), expectedHash)) {
            throw hashMismatch();
        }
    }

    private static AttachmentException hashMismatch() {
        return new AttachmentException(Reason.HASH_MISMATCH, "The attachment's ciphertext does not match its sha256"
                + " hash: the server or the network changed or cut it off. Discard anything decrypted from it and"
                + " download it again; if it fails again the file is damaged on the server");
    }

    /** Plaintext of a ciphertext stream; the hash is checked at its end. */
    private final class DecryptingInputStream extends CipherStream {
        private final AesCtr64 cipher;
        private final MessageDigest sha256 = AttachmentEncryptor.newSha256();
        /** Null while reading; then whether the hash matched. */
        private Boolean verified;

        DecryptingInputStream(AesCtr64 cipher, InputStream ciphertext) {
            super(ciphertext);
            this.cipher = cipher;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            Objects.checkFromIndexSize(offset, count, buffer.length);
            if (verified != null) {
                return end();
            }
            if (count == 0) {
                return 0;
            }
            int n = source.read(buffer, offset, count);
            if (n < 0) {
                verified = MessageDigest.isEqual(sha256.digest(), expectedHash);
                return end();
            }
            sha256.update(buffer, offset, n);
            cipher.apply(buffer, offset, n, buffer, offset);
            return n;
        }

        private int end() {
            if (!verified) {
                throw hashMismatch();
            }
            return -1;
        }

        @Override
        public int available() throws IOException {
            return verified != null ? 0 : super.available();
        }
    }

    /** The decryptor's fields without the key. */
    @Override
    public String toString() {
        return "AttachmentDecryptor[key=(secret), iv=" + Unpadded.standard(iv) + ", sha256="
                + Unpadded.standard(expectedHash) + "]";
    }
}
