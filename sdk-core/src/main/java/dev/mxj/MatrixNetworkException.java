package dev.mxj;

/**
 * The homeserver could not be reached, the connection broke, or it timed out. Transient: retry
 * later, and check connectivity if it persists. Idempotent requests were already retried.
 */
public class MatrixNetworkException extends MatrixException {
    private static final long serialVersionUID = 1L;

    public MatrixNetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
