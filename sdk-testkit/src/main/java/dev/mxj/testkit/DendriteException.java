package dev.mxj.testkit;

/** Thrown when the test homeserver cannot be built, started, or asked to do something. */
public class DendriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, with the tail of Dendrite's log where that helps
     */
    public DendriteException(String message) {
        super(message);
    }

    /**
     * @param message what failed
     * @param cause the underlying error
     */
    public DendriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
