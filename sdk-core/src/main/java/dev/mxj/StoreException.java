package dev.mxj;

/** A store could not be read or written. What was stored before the failing write is kept. */
public class StoreException extends MatrixException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
