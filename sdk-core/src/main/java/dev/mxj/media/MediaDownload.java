package dev.mxj.media;

import java.io.InputStream;
import java.util.Optional;

/**
 * A download in progress: the response's headers, and its body as a stream read from the
 * connection. Nothing is buffered beyond what the stream reads. Close it when done, on any path:
 * closing before the end of the body cancels the transfer.
 *
 * <pre>{@code
 * try (MediaDownload download = client.media().download(uri).join();
 *      OutputStream out = Files.newOutputStream(target)) {
 *     download.stream().transferTo(out);
 * }
 * }</pre>
 *
 * <p>Reading fails with an unchecked {@link dev.mxj.MatrixNetworkException} if the connection
 * breaks or stalls for longer than the read timeout; nothing is retried once the stream was
 * handed over, so start the download again. After {@link #close()} reads fail with an
 * {@link java.io.IOException}.
 */
public interface MediaDownload extends AutoCloseable {
    /** The body. Read it on one thread; it can be read only once. */
    InputStream stream();

    /** The {@code Content-Type} the server sent, e.g. {@code image/png}. */
    Optional<String> contentType();

    /** The body's length in bytes, when the server said ({@code Content-Length}). */
    Optional<Long> contentLength();

    /** The file name from {@code Content-Disposition}, when there is one. */
    Optional<String> filename();

    /** Ends the download; cancels it if the body was not read to its end. Idempotent. */
    @Override
    void close();
}
