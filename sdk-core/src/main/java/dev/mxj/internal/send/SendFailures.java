package dev.mxj.internal.send;

import dev.mxj.EncryptionUnavailableException;
import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixNetworkException;
import dev.mxj.id.RoomId;
import dev.mxj.send.SendFailedException;
import dev.mxj.send.SendFailedException.Reason;
import dev.mxj.store.QueuedSend;

import java.util.Optional;

/** Turns the failure of a send into the {@link QueuedSend.Failure} the store keeps, and back into an exception. */
final class SendFailures {
    private SendFailures() {
    }

    /** What the store keeps about {@code cause}; the message never holds the event's content. */
    static QueuedSend.Failure of(Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof MatrixApiException api) {
            return new QueuedSend.Failure(reason(api.httpStatus(), api.errorCode()), message,
                    Optional.of(api.httpStatus()), Optional.of(api.errorCode()));
        }
        Reason reason = cause instanceof MatrixNetworkException ? Reason.NETWORK
                : cause instanceof EncryptionUnavailableException ? Reason.ENCRYPTION_UNAVAILABLE : Reason.OTHER;
        return new QueuedSend.Failure(reason, message, Optional.empty(), Optional.empty());
    }

    /** The kind of a server's refusal, from its status first (Dendrite's 413 says {@code M_UNKNOWN}). */
    static Reason reason(int status, ErrorCode code) {
        if (status == 403 || code.equals(ErrorCode.FORBIDDEN)) {
            return Reason.FORBIDDEN;
        }
        if (status == 413 || code.equals(ErrorCode.TOO_LARGE)) {
            return Reason.TOO_LARGE;
        }
        if (status == 429 || code.equals(ErrorCode.LIMIT_EXCEEDED)) {
            return Reason.RATE_LIMITED;
        }
        return status >= 500 ? Reason.SERVER_ERROR : Reason.REFUSED;
    }

    /** The exception a {@link dev.mxj.send.SendState.Failed} carries: what failed, why, and what to do. */
    static SendFailedException exception(RoomId room, String txnId, QueuedSend.Failure failure,
                                         Optional<Throwable> cause) {
        String message = "Could not send event " + txnId + " to " + room + ": " + advice(failure.reason())
                + " (" + failure.message() + "). It stays queued: retry or cancel it.";
        return new SendFailedException(failure.reason(), message, failure.httpStatus(), failure.errorCode(), cause);
    }

    private static String advice(Reason reason) {
        return switch (reason) {
            case FORBIDDEN -> "the server refused it; the user is not joined to the room or may not send this"
                    + " event type there. Join the room or get the permission first";
            case TOO_LARGE -> "the event is larger than the server accepts (65,536 bytes in the spec)."
                    + " Edit it to make it smaller";
            case RATE_LIMITED -> "the server kept rate limiting this client. Wait a while";
            case SERVER_ERROR -> "the server kept failing. Wait a while";
            case NETWORK -> "the homeserver could not be reached. Check connectivity";
            case REFUSED -> "the server refused it";
            case ENCRYPTION_UNAVAILABLE -> "the room is encrypted and end-to-end encryption is unavailable on this"
                    + " client, so it was not sent (never in plaintext). Check the crypto store's passphrase, give a new"
                    + " device a new crypto store, or add an encryption module (see MatrixClient.encryptionState()),"
                    + " then build a new client";
            case OTHER -> "the attempt failed";
        };
    }
}
