package dev.mxj;

/**
 * A User-Interactive Authentication process was stopped by its {@link dev.mxj.auth.UiaHandler}:
 * the user declined, or the handler gave no answer. Nothing was changed on the server; call the
 * operation again to start over. Handlers may fail their future with this to cancel.
 */
public class UiaCancelledException extends MatrixException {
    private static final long serialVersionUID = 1L;

    public UiaCancelledException(String message) {
        super(message);
    }

    public UiaCancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}
