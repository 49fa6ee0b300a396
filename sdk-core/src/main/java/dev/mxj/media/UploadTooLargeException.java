package dev.mxj.media;

import dev.mxj.MatrixApiException;
import dev.mxj.MatrixException;

import java.util.Optional;

/**
 * An upload is larger than the homeserver accepts. Either mxj refused it before sending anything,
 * because it is larger than the server's {@code m.upload.size}, or the server refused it with HTTP
 * 413 (errcode {@code M_TOO_LARGE} per the spec; Dendrite sends {@code M_UNKNOWN}): then
 * {@link #serverRefusal()} holds that answer. Send a smaller file (compress or scale it), or ask the
 * server's admin for a higher limit.
 */
public final class UploadTooLargeException extends MatrixException {
    private static final long serialVersionUID = 1L;

    private final long size;
    private final Long limit;

    /** mxj refused an upload of {@code size} bytes before sending it: the server's limit is {@code limit}. */
    public UploadTooLargeException(long size, long limit) {
        super("The upload is " + size + " bytes, but the homeserver accepts at most " + limit
                + " bytes (m.upload.size). Send a smaller file, or ask the server's admin to raise the limit.");
        this.size = size;
        this.limit = limit;
    }

    /**
     * The server refused an upload of {@code size} bytes as too large ({@code refusal}, HTTP 413);
     * {@code limit} is its {@code m.upload.size} if the client knew it.
     */
    public UploadTooLargeException(long size, Optional<Long> limit, MatrixApiException refusal) {
        super("The homeserver refused the upload of " + size + " bytes as too large (HTTP " + refusal.httpStatus()
                + " " + refusal.errorCode().value() + (refusal.error().isEmpty() ? "" : ": " + refusal.error()) + ")"
                + limit.map(l -> "; it accepts at most " + l + " bytes (m.upload.size)").orElse("")
                + ". Send a smaller file, or ask the server's admin to raise the limit.", refusal);
        this.size = size;
        this.limit = limit.orElse(null);
    }

    /** The size of the refused upload, in bytes. */
    public long size() {
        return size;
    }

    /** The server's limit ({@code m.upload.size}) in bytes, when known. */
    public Optional<Long> limit() {
        return Optional.ofNullable(limit);
    }

    /** The server's answer, when the server refused the upload (rather than mxj before sending it). */
    public Optional<MatrixApiException> serverRefusal() {
        return getCause() instanceof MatrixApiException api ? Optional.of(api) : Optional.empty();
    }
}
