package dev.mxj.testkit;

/**
 * Thrown when the matrix-js-sdk peer cannot run on this machine: Node.js or npm is missing or too
 * old, or its npm packages cannot be installed. The message says what to install.
 */
public final class JsPeerUnavailableException extends JsPeerException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is missing and how to install it
     */
    JsPeerUnavailableException(String message) {
        super(FAILED, null, message);
    }

    /**
     * @param message what is missing and how to install it
     * @param cause the underlying error
     */
    JsPeerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
