package dev.mxj.internal.http;

import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * A request body streamed from a {@link BodySource} in chunks, reporting the bytes handed to the
 * connection after each one. A failure to read the source (not the network) is remembered, so
 * the exchange can report it as the caller's problem instead of retrying it as a network error.
 */
final class ProgressBody extends RequestBody {
    static final int CHUNK = 64 * 1024;

    private final BodySource source;
    private final MediaType contentType;
    private final LongConsumer progress;
    private volatile boolean started;
    private volatile IOException sourceFailure;

    ProgressBody(BodySource source, MediaType contentType, LongConsumer progress) {
        this.source = source;
        this.contentType = contentType;
        this.progress = progress;
    }

    @Override
    public MediaType contentType() {
        return contentType;
    }

    @Override
    public long contentLength() {
        return source.length();
    }

    @Override
    public boolean isOneShot() {
        return !source.replayable();
    }

    /** True once an attempt has begun to read the source. */
    boolean started() {
        return started;
    }

    /** True if this body may be sent again: replayable, or not read yet. */
    boolean canResend() {
        return source.replayable() || !started;
    }

    /** Why reading the source failed, or null if it did not. */
    IOException sourceFailure() {
        return sourceFailure;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        if (started && !source.replayable()) {
            throw sourceError(new IOException("the upload's InputStream was already sent once and cannot be sent again"));
        }
        started = true;
        long total = source.length();
        InputStream in = open();
        try {
            byte[] buffer = new byte[CHUNK];
            long sent = 0;
            progress.accept(0);
            while (sent < total) {
                int n = read(in, buffer, (int) Math.min(buffer.length, total - sent));
                if (n < 0) {
                    throw sourceError(new IOException("the upload's source ended after " + sent + " of the "
                            + total + " bytes it was declared to have"));
                }
                sink.write(buffer, 0, n);
                sink.flush();
                sent += n;
                progress.accept(sent);
            }
        } finally {
            if (source.replayable()) {
                closeQuietly(in);
            }
        }
    }

    private InputStream open() throws IOException {
        try {
            return source.open();
        } catch (IOException e) {
            throw sourceError(e);
        }
    }

    private int read(InputStream in, byte[] buffer, int max) throws IOException {
        try {
            return in.read(buffer, 0, max);
        } catch (IOException e) {
            throw sourceError(e);
        }
    }

    private IOException sourceError(IOException e) {
        sourceFailure = e;
        return e;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Nothing to do: the bytes were read.
        }
    }
}
