package dev.mxj.crypto.attachment;

import dev.mxj.id.MxcUri;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Encrypts one attachment under a fresh random key, as the specification's version 2 says:
 * AES-256-CTR with a 32-byte key and a 16-byte IV whose first 8 bytes are random and whose last 8
 * (the block counter) start at zero; the ciphertext is as long as the plaintext and its SHA-256
 * hash goes into the {@link EncryptedFile}.
 *
 * <pre>{@code
 * AttachmentEncryptor encryptor = AttachmentEncryptor.create();
 * try (InputStream plain = Files.newInputStream(photo);
 *      OutputStream out = encryptor.encrypt(Files.newOutputStream(cipherFile))) {
 *     plain.transferTo(out);
 * }
 * MxcUri uri = ...;                             // upload cipherFile
 * EncryptedFile file = encryptor.finish(uri);   // goes into the event's "file"
 * }</pre>
 *
 * <p>An encryptor is for one file: the bytes given to {@link #encrypt(byte[])} and through the
 * streams of {@link #encrypt(InputStream)} and {@link #encrypt(OutputStream)} are its consecutive
 * parts, and {@link #finish} ends it. Never encrypt two files with one encryptor (that would reuse
 * the key and IV); make a new one for each, thumbnails included. Thread-safe, but the parts must
 * come in order, so feed it from one thread at a time.
 */
public final class AttachmentEncryptor {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JsonWebKey key;
    private final byte[] iv;
    private final AesCtr64 cipher;
    private final MessageDigest sha256;
    private long length;
    private String hash;

    private AttachmentEncryptor(byte[] key, byte[] iv) {
        this.key = JsonWebKey.aes256Ctr(key);
        this.iv = iv.clone();
        this.cipher = new AesCtr64(key, iv);
        this.sha256 = newSha256();
    }

    /** An encryptor with a new random key and IV (counter half zero), from {@link SecureRandom}. */
    public static AttachmentEncryptor create() {
        byte[] key = new byte[AesCtr64.KEY_BYTES];
        byte[] iv = new byte[AesCtr64.IV_BYTES];
        RANDOM.nextBytes(key);
        byte[] nonce = new byte[8];
        RANDOM.nextBytes(nonce);
        System.arraycopy(nonce, 0, iv, 0, nonce.length);
        try {
            return new AttachmentEncryptor(key, iv);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** An encryptor with a chosen key and IV, for known-answer tests only: never reuse a key. */
    static AttachmentEncryptor withKeyForTesting(byte[] key, byte[] iv) {
        return new AttachmentEncryptor(key, iv);
    }

    /**
     * Encrypts the next part of the file and returns its ciphertext, as long as {@code part}.
     *
     * @throws IllegalStateException after {@link #finish}
     */
    public synchronized byte[] encrypt(byte[] part) {
        byte[] out = new byte[part.length];
        encrypt(part, 0, part.length, out, 0);
        return out;
    }

    /**
     * A stream of the ciphertext of the bytes read from {@code plaintext}, which becomes the rest of
     * the file. It reads {@code plaintext} as it is read, a buffer at a time; closing it closes
     * {@code plaintext}. Read it to the end, then call {@link #finish}.
     */
    public InputStream encrypt(InputStream plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        return new EncryptingInputStream(this, plaintext);
    }

    /**
     * A stream that encrypts what is written to it into {@code ciphertext}, as the rest of the file.
     * Writes go through at once (no buffering beyond one chunk); closing it closes
     * {@code ciphertext}. Close it, then call {@link #finish}.
     */
    public OutputStream encrypt(OutputStream ciphertext) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        return new EncryptingOutputStream(this, ciphertext);
    }

    /** How many bytes have been encrypted so far: the length of the ciphertext. */
    public synchronized long length() {
        return length;
    }

    /**
     * Ends the file and describes it: the key, the IV and the SHA-256 hash of all the ciphertext,
     * at {@code url}. After the first call nothing more can be encrypted; later calls give the
     * same description at another URL.
     */
    public synchronized EncryptedFile finish(MxcUri url) {
        Objects.requireNonNull(url, "url");
        if (hash == null) {
            hash = Unpadded.standard(sha256.digest());
        }
        return new EncryptedFile(url, key, Unpadded.standard(iv), Map.of(EncryptedFile.SHA256, hash), EncryptedFile.V2);
    }

    /** Encrypts {@code input[offset, offset + count)} into {@code output} (possibly in place) and hashes it. */
    synchronized void encrypt(byte[] input, int offset, int count, byte[] output, int outputOffset) {
        if (hash != null) {
            throw new IllegalStateException("This attachment is finished; make a new AttachmentEncryptor for another file");
        }
        cipher.apply(input, offset, count, output, outputOffset);
        sha256.update(output, outputOffset, count);
        length += count;
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime lacks SHA-256, which every Java runtime has", e);
        }
    }

    /** Ciphertext of a plaintext stream, encrypted as it is read. */
    private static final class EncryptingInputStream extends CipherStream {
        private final AttachmentEncryptor encryptor;

        EncryptingInputStream(AttachmentEncryptor encryptor, InputStream plaintext) {
            super(plaintext);
            this.encryptor = encryptor;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            Objects.checkFromIndexSize(offset, count, buffer.length);
            int n = source.read(buffer, offset, count);
            if (n > 0) {
                encryptor.encrypt(buffer, offset, n, buffer, offset);
            }
            return n;
        }
    }

    /** Encrypts what is written and passes the ciphertext on. */
    private static final class EncryptingOutputStream extends OutputStream {
        private static final int CHUNK = 16 * 1024;

        private final AttachmentEncryptor encryptor;
        private final OutputStream ciphertext;
        private byte[] chunk;

        EncryptingOutputStream(AttachmentEncryptor encryptor, OutputStream ciphertext) {
            this.encryptor = encryptor;
            this.ciphertext = ciphertext;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int count) throws IOException {
            Objects.checkFromIndexSize(offset, count, buffer.length);
            if (chunk == null) {
                chunk = new byte[CHUNK];
            }
            for (int done = 0; done < count; ) {
                int n = Math.min(CHUNK, count - done);
                encryptor.encrypt(buffer, offset + done, n, chunk, 0);
                ciphertext.write(chunk, 0, n);
                done += n;
            }
        }

        @Override
        public void flush() throws IOException {
            ciphertext.flush();
        }

        @Override
        public void close() throws IOException {
            ciphertext.close();
        }
    }
}
