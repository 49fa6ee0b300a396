package dev.mxj.send;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixException;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a queued event could not be sent. The event stays queued: fix the cause (see {@link #reason()})
 * and call {@link SendHandle#retry()}, or {@link SendHandle#cancel()} it. The reason, HTTP status and
 * error code survive a restart; {@link #getCause()} and {@link #retryAfter()} are known only in the
 * process that tried.
 */
public final class SendFailedException extends MatrixException {
    private static final long serialVersionUID = 1L;

    /** The kinds of failure, each with what to do about it. */
    public enum Reason {
        /**
         * HTTP 403: the user is not joined to the room (never was, left, was kicked or banned), or lacks
         * the power level to send this event type. Join the room or get the permission, then retry.
         */
        FORBIDDEN,
        /**
         * HTTP 413 or {@code M_TOO_LARGE}: the event is over the server's size limit (65,536 bytes of
         * JSON in the spec). Make it smaller ({@link SendHandle#edit(String)} replaces a failed
         * message's content), then retry; or cancel it.
         */
        TOO_LARGE,
        /** HTTP 429: the server kept rate limiting the client through every attempt. Retry later. */
        RATE_LIMITED,
        /** HTTP 5xx through every attempt: the server is failing. Retry later. */
        SERVER_ERROR,
        /** The homeserver could not be reached through every attempt. Retry once online. */
        NETWORK,
        /** The server refused the event for another reason (see {@link #errorCode()}); retrying alone will not help. */
        REFUSED,
        /**
         * The room is encrypted and this client cannot encrypt ({@link dev.mxj.EncryptionUnavailableException}
         * is the cause): it has no encryption module, or its module cannot start
         * ({@link dev.mxj.EncryptionState.Unavailable}, e.g. a crypto store opened with the wrong
         * passphrase, or one holding another device's account). mxj never sends plaintext there. Fix the
         * cause (the right passphrase; a crypto store of this device's own; sdk-crypto on the class path),
         * build a new client, then retry.
         */
        ENCRYPTION_UNAVAILABLE,
        /** Anything else: an invalid answer, or the session ended. */
        OTHER
    }

    private final Reason reason;
    private final Integer httpStatus;
    private final ErrorCode errorCode;

    /**
     * @param reason     the kind of failure
     * @param message    what went wrong and what to do
     * @param httpStatus the HTTP status, when the server answered
     * @param errorCode  the server's {@code errcode}, when it sent one
     * @param cause      the failure of the last attempt, when known in this process
     */
    public SendFailedException(Reason reason, String message, Optional<Integer> httpStatus,
                               Optional<ErrorCode> errorCode, Optional<Throwable> cause) {
        super(message, cause.orElse(null));
        this.reason = Objects.requireNonNull(reason, "reason");
        this.httpStatus = httpStatus.orElse(null);
        this.errorCode = errorCode.orElse(null);
    }

    /** The kind of failure; it says what to do next. */
    public Reason reason() {
        return reason;
    }

    /** The HTTP status of the server's refusal, when it answered. */
    public Optional<Integer> httpStatus() {
        return Optional.ofNullable(httpStatus);
    }

    /** The server's error code, when it sent one (Dendrite answers an oversized upload with {@code M_UNKNOWN}). */
    public Optional<ErrorCode> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** How long the server asked the client to wait, when it rate limited the last attempt in this process. */
    public Optional<Duration> retryAfter() {
        return getCause() instanceof MatrixApiException api ? api.retryAfter() : Optional.empty();
    }
}
