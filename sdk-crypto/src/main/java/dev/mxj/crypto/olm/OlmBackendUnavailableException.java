package dev.mxj.crypto.olm;

import dev.mxj.crypto.CryptoException;

/**
 * A backend cannot run on this machine: for the libolm backend, libolm 3 is not installed, or the
 * sdk-crypto jar has no JNI library for this platform. The message names what to install.
 * {@link #errorName()} is {@code BACKEND_UNAVAILABLE}.
 */
public class OlmBackendUnavailableException extends CryptoException {
    private static final long serialVersionUID = 1L;

    /** The error name this exception carries. */
    public static final String BACKEND_UNAVAILABLE = "BACKEND_UNAVAILABLE";

    public OlmBackendUnavailableException(String message, Throwable cause) {
        super(BACKEND_UNAVAILABLE, message, cause);
    }

    public OlmBackendUnavailableException(String message) {
        super(BACKEND_UNAVAILABLE, message);
    }
}
