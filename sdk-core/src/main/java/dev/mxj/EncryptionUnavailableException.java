package dev.mxj;

/**
 * An encrypted room needs an encryption module and the client has none. mxj never sends plaintext
 * into an encrypted room: add the {@code dev.mxj:sdk-crypto} artifact to the class path (the client finds
 * it by itself) or pass a module to {@link MatrixClient.Builder#encryption}.
 */
public class EncryptionUnavailableException extends MatrixException {
    private static final long serialVersionUID = 1L;

    public EncryptionUnavailableException(String message) {
        super(message);
    }
}
