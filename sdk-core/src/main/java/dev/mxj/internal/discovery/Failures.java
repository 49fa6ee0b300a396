package dev.mxj.internal.discovery;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixNetworkException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Classifies and describes the failures of discovery requests, for results and messages. */
final class Failures {
    private Failures() {
    }

    static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** HTTP 404, whatever the body: "there is nothing here". */
    static boolean isNotFound(Throwable t) {
        return unwrap(t) instanceof MatrixApiException api && api.httpStatus() == 404;
    }

    /** HTTP 404, or {@code M_UNRECOGNIZED} with any status: "this server does not implement it". */
    static boolean isUnrecognized(Throwable t) {
        return isNotFound(t) || unwrap(t) instanceof MatrixApiException api
                && api.errorCode().equals(ErrorCode.UNRECOGNIZED);
    }

    /** A short, token-free description for a discovery reason, e.g. {@code HTTP 502 M_UNKNOWN: ...}. */
    static String describe(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof MatrixApiException api) {
            return "HTTP " + api.httpStatus() + " " + api.errorCode() + (api.error().isEmpty() ? "" : ": " + api.error());
        }
        if (e instanceof MatrixNetworkException && e.getCause() != null) {
            Throwable cause = e.getCause();
            return "the connection failed (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() != null ? ": " + cause.getMessage() : "") + ")";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Rethrows from inside a {@code handle} stage, keeping the original exception as the cause. */
    static CompletionException rethrow(Throwable t) {
        return t instanceof CompletionException c ? c : new CompletionException(unwrap(t));
    }
}
