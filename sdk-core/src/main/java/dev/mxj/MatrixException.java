package dev.mxj;

/**
 * The root of every exception mxj throws or completes a future with. Unchecked. Each subclass
 * says what went wrong and what the caller can do about it; none carries an access token.
 */
public class MatrixException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MatrixException(String message) {
        super(message);
    }

    public MatrixException(String message, Throwable cause) {
        super(message, cause);
    }
}
