package dev.mxj.internal.http;

import dev.mxj.MatrixNetworkException;
import okhttp3.Call;
import okhttp3.Response;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A successful response whose body has not been read yet: its headers, and the body as a stream
 * that reads from the connection. Closing it before the end of the body cancels the call, so an
 * abandoned download does not keep the connection busy. Internal; media wraps it.
 */
public final class StreamedResponse implements AutoCloseable {
    private final Response response;
    private final Call call;
    private final String endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();

    StreamedResponse(Response response, Call call, String endpoint) {
        this.response = response;
        this.call = call;
        this.endpoint = endpoint;
    }

    /** {@code METHOD /path} of the request, for messages. */
    public String endpoint() {
        return endpoint;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(response.header(name));
    }

    /** The body's length, or -1 if the server did not say (or compressed it). */
    public long contentLength() {
        return response.body().contentLength();
    }

    /** The body, read from the connection. Read it on one thread. */
    public InputStream body() {
        return response.body().byteStream();
    }

    /** The typed error for a failure while reading {@link #body()}: what broke, and what to do. */
    public MatrixNetworkException networkError(IOException e) {
        return Exchange.network(endpoint, e);
    }

    /** True once {@link #close()} was called. */
    public boolean isClosed() {
        return closed.get();
    }

    /** Whether the call was cancelled (by {@link #close()} or the operation's future). */
    public boolean isCancelled() {
        return call.isCanceled();
    }

    /**
     * Releases the response. Safe from any thread and more than once; a read blocked on another
     * thread then fails.
     *
     * @param complete true if the whole body was read, so the connection can be reused
     */
    public void close(boolean complete) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (!complete) {
            call.cancel();
        }
        try {
            response.close();
        } catch (RuntimeException e) {
            // Closing a response cancelled under a concurrent read may throw; the call is over anyway.
        }
    }

    /** Closes, cancelling the call unless the body was read to its end. */
    @Override
    public void close() {
        close(false);
    }
}
