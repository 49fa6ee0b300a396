package dev.mxj.media;

import dev.mxj.MatrixException;

/**
 * An upload is larger than the server's {@code m.upload.size}, so mxj refused it before sending
 * anything. Send a smaller file (compress or scale it), or ask the server's admin for a higher
 * limit. A server that refuses an upload itself answers HTTP 413, which is a
 * {@link dev.mxj.MatrixApiException} with {@code httpStatus() == 413} (errcode {@code M_TOO_LARGE} per
 * the spec; Dendrite sends {@code M_UNKNOWN}).
 */
public final class UploadTooLargeException extends MatrixException {
    private static final long serialVersionUID = 1L;

    private final long size;
    private final long limit;

    public UploadTooLargeException(long size, long limit) {
        super("The upload is " + size + " bytes, but the homeserver accepts at most " + limit
                + " bytes (m.upload.size). Send a smaller file, or ask the server's admin to raise the limit.");
        this.size = size;
        this.limit = limit;
    }

    /** The size of the refused upload, in bytes. */
    public long size() {
        return size;
    }

    /** The server's limit ({@code m.upload.size}), in bytes. */
    public long limit() {
        return limit;
    }
}
