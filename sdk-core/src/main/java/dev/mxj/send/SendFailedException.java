package dev.mxj.send;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixException;

import java.util.Optional;

/**
 * Why a queued event could not be sent. The event stays queued: fix the cause (connectivity, a
 * permission, a too large event) and call {@link SendHandle#retry()}, or {@link SendHandle#cancel()} it.
 * After a restart the cause is known only by its message ({@link #getCause()} is then absent).
 */
public final class SendFailedException extends MatrixException {
    public SendFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    public SendFailedException(String message) {
        super(message);
    }

    /** The server's error code, when the server refused the event in this process. */
    public Optional<ErrorCode> errorCode() {
        return getCause() instanceof MatrixApiException api ? Optional.of(api.errorCode()) : Optional.empty();
    }
}
