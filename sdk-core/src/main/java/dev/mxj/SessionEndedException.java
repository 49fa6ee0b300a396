package dev.mxj;

/**
 * The session is over: the server revoked the access token (a hard logout, or a refresh that was
 * refused) or the client logged out. Log in again to get a new session; requests made through this
 * client fail fast with this exception until then.
 */
public class SessionEndedException extends MatrixException {
    private static final long serialVersionUID = 1L;

    public SessionEndedException(String message) {
        super(message);
    }

    public SessionEndedException(String message, Throwable cause) {
        super(message, cause);
    }
}
