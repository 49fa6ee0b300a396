package dev.mxj;

/**
 * End-to-end encryption is unavailable, so an encrypted room can be neither written nor read. mxj never
 * sends plaintext into an encrypted room. Two cases, told apart by the message:
 * <ul>
 *   <li>The client has no encryption module: add the {@code dev.mxj:sdk-crypto} artifact to the class
 *       path (the client finds it by itself) or pass a module to {@link MatrixClient.Builder#encryption}.</li>
 *   <li>The module cannot start for this session and will not be tried again
 *       ({@link EncryptionState.Unavailable}); {@link #getCause()} is the module's failure, e.g. a crypto
 *       store opened with the wrong passphrase or holding another device's account. A module fails
 *       {@link dev.mxj.spi.EncryptionModule#attach} with this exception to say so explicitly.</li>
 * </ul>
 */
public class EncryptionUnavailableException extends MatrixException {
    private static final long serialVersionUID = 1L;

    public EncryptionUnavailableException(String message) {
        super(message);
    }

    /**
     * @param message what is unavailable and what to do about it
     * @param cause   the failure behind it, e.g. the module's
     */
    public EncryptionUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
