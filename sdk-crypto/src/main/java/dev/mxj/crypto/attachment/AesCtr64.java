package dev.mxj.crypto.attachment;

import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * AES-256 in counter mode with the attachment format's 64-bit counter: the IV's first 8 bytes are
 * a fixed nonce and its last 8 bytes a big-endian block counter that wraps to zero without
 * carrying into the nonce. This is WebCrypto's AES-CTR with {@code length: 64}, which Element's
 * attachment code uses. A version 2 IV starts the counter at zero, so the wrap (after 2^64 blocks)
 * never happens and the result equals a plain 128-bit counter; a {@code v1} IV could start near
 * the end, and then only this wrap decrypts it as its sender encrypted it.
 *
 * <p>The JCA cipher ({@code AES/CTR/NoPadding}) counts with 128 bits, so at the wrap point it is
 * started again with the counter half set to zero. Not thread-safe; one instance per stream.
 */
final class AesCtr64 {
    static final int KEY_BYTES = 32;
    static final int IV_BYTES = 16;
    private static final int BLOCK_BYTES = 16;
    /** A distance in bytes to the wrap that is too far to matter (2^63 bytes and more). */
    private static final long NEVER = -1;

    private final SecretKeySpec key;
    private final byte[] wrappedIv;
    private final Cipher cipher;
    private long bytesUntilWrap;

    AesCtr64(byte[] key, byte[] iv) {
        if (key.length != KEY_BYTES || iv.length != IV_BYTES) {
            throw new IllegalArgumentException("AES-256-CTR takes a 32-byte key and a 16-byte IV");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.wrappedIv = Arrays.copyOf(iv, IV_BYTES);
        Arrays.fill(wrappedIv, 8, IV_BYTES, (byte) 0);
        long counter = ByteBuffer.wrap(iv, 8, 8).getLong();
        // 2^64 - counter blocks remain before the wrap; none of that matters above 2^59 blocks.
        long blocks = -counter;
        this.bytesUntilWrap = counter == 0 || Long.compareUnsigned(blocks, 1L << 59) >= 0 ? NEVER : blocks * BLOCK_BYTES;
        try {
            this.cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, this.key, new IvParameterSpec(iv));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime lacks AES/CTR/NoPadding with 256-bit keys, which every"
                    + " Java 17 runtime has; check the security providers", e);
        }
    }

    /**
     * XORs the next {@code length} bytes of key stream into {@code input}, writing to
     * {@code output}. The two may be the same array, even the same range.
     */
    void apply(byte[] input, int offset, int length, byte[] output, int outputOffset) {
        if (bytesUntilWrap != NEVER && length >= bytesUntilWrap) {
            int first = (int) bytesUntilWrap;
            update(input, offset, first, output, outputOffset);
            init(wrappedIv);
            bytesUntilWrap = NEVER;
            update(input, offset + first, length - first, output, outputOffset + first);
            return;
        }
        update(input, offset, length, output, outputOffset);
        if (bytesUntilWrap != NEVER) {
            bytesUntilWrap -= length;
        }
    }

    private void init(byte[] iv) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR refused a key it accepted before", e);
        }
    }

    private void update(byte[] input, int offset, int length, byte[] output, int outputOffset) {
        if (length == 0) {
            return;
        }
        try {
            int written = cipher.update(input, offset, length, output, outputOffset);
            if (written != length) {
                throw new IllegalStateException("AES-CTR returned " + written + " bytes for " + length);
            }
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("The output range is shorter than the input", e);
        }
    }
}
