package dev.mxj;

import java.util.Optional;

/**
 * Where the client's end-to-end encryption stands. Read it with {@link MatrixClient#encryptionState()},
 * observe it with {@link MatrixClient#onEncryptionStateChanged}.
 *
 * <pre>
 * Disabled                    (no encryption module: nothing else happens)
 * Detached --session--> Attaching --attached--> Ready --logout/close--> Detached
 *                          |  \--a transient failure (network, store)--> Attaching(lastFailure): tried again
 *                          |                                             at the next sync, send or decryption
 *                           \--a permanent failure--> Unavailable(error): not tried again for this session
 * </pre>
 *
 * <p>While {@link Unavailable}, events queued into encrypted rooms fail with
 * {@link dev.mxj.send.SendFailedException.Reason#ENCRYPTION_UNAVAILABLE} (they stay queued, never sent
 * in plaintext), encrypted events cannot be decrypted, and syncing goes on: the to-device events that
 * carry room keys are kept in the store's inbox and handed to the module once it can start.
 */
public sealed interface EncryptionState {
    /** The client has no encryption module: encrypted rooms can be neither read nor written. */
    record Disabled() implements EncryptionState {
    }

    /** The client has a module but no session to attach it to (not logged in, logged out, or closed). */
    record Detached() implements EncryptionState {
    }

    /**
     * The module is being attached to the session, or will be again at the next sync, send or
     * decryption after the transient failure {@code lastFailure} (a network failure, a server error, a
     * store that could not be read).
     */
    record Attaching(Optional<MatrixException> lastFailure) implements EncryptionState {
    }

    /** The module is attached: events into encrypted rooms are encrypted, encrypted events decrypted. */
    record Ready() implements EncryptionState {
    }

    /**
     * The module cannot start for this session, and trying again will not help until the app changes
     * something: {@code error} says what (its cause is the module's failure), e.g. a crypto store opened
     * with the wrong passphrase (build the module with the right one), or a store holding another
     * device's account (give this device a store of its own). Then build a new client and retry the
     * failed sends ({@link dev.mxj.send.SendHandle#retry()}).
     */
    record Unavailable(EncryptionUnavailableException error) implements EncryptionState {
    }
}
