package dev.mxj;

/**
 * The homeserver answered with a body that is not what the spec defines (not JSON, or a required
 * field missing or of the wrong type). Usually a proxy or a server bug; the message holds a short,
 * token-free excerpt of what came back.
 */
public class InvalidResponseException extends MatrixException {
    private static final long serialVersionUID = 1L;

    public InvalidResponseException(String message) {
        super(message);
    }

    public InvalidResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
