package dev.mxj.internal.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a streamed request body (an upload), opened once per attempt. A source that is
 * not {@link #replayable()} can be sent only once: a failed attempt that had started to read it
 * is not retried.
 */
public interface BodySource {
    /** The exact number of bytes the body has; the transport sends this many and no more. */
    long length();

    /** True if {@link #open()} may be called again for a retry. */
    boolean replayable();

    /**
     * Opens the bytes for one attempt. The transport closes the returned stream after the attempt
     * only if the source is replayable; a one-shot stream stays the caller's to close.
     */
    InputStream open() throws IOException;
}
