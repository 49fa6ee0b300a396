package dev.mxj.crypto.attachment;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream over another whose bytes it encrypts or decrypts as they are read: the base of
 * the attachment streams. Subclasses give {@link #read(byte[], int, int)}; a one-byte read goes
 * through it, and closing closes the source.
 */
abstract class CipherStream extends InputStream {
    final InputStream source;

    CipherStream(InputStream source) {
        this.source = source;
    }

    @Override
    public abstract int read(byte[] buffer, int offset, int count) throws IOException;

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int available() throws IOException {
        return source.available();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
