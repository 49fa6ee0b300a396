package dev.mxj.spi;

import dev.mxj.event.RoomEvent;
import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;

import java.util.concurrent.CompletableFuture;

/**
 * How sdk-core reaches end-to-end encryption without depending on it. sdk-crypto implements it;
 * give one to {@link dev.mxj.MatrixClient.Builder#encryption}, or let the client find one with
 * {@link java.util.ServiceLoader} ({@link EncryptionModuleProvider}). Without a module the client
 * shows encrypted events as they came and refuses to send into encrypted rooms.
 *
 * <p><b>Life cycle</b>, all driven by the client:
 * <ol>
 *   <li>{@link #attach} once the client has a session (at build time for a restored one, else after
     *       login). Nothing else is called before its future completes; if it fails transiently, the client
 *       calls it again before the next sync; if it fails for good, not again for that session (see
 *       {@link #attach}).</li>
 *   <li>{@link #receiveSync} after each sync is saved, one call at a time; the next sync waits for it
 *       (up to the client's encryption timeout).</li>
 *   <li>{@link #encrypt} and {@link #decrypt} at any time, from any thread, also concurrently.</li>
 *   <li>{@link #detach} when the session ends (logout) or the client closes; a later login attaches again,
 *       maybe for another user or device.</li>
 * </ol>
 *
 * <p><b>Threads and I/O</b>: methods are called on mxj's threads (the sync worker, the send queue's
 * worker, timeline and callback threads) and must not block on the network: HTTP goes through
 * {@link EncryptionContext#transport()}, whose futures complete on OkHttp's threads. Local work (the
 * crypto store) may block briefly. Futures may complete on any thread.
 *
 * <p><b>Secrets</b>: implementations never log keys, pickles or plaintext; mxj never logs the
 * contents this interface carries either.
 *
 * <p>One module serves one client. Implementations are thread-safe.
 */
public interface EncryptionModule {
    /**
     * Starts the module for a session: load (or create) the account of {@code context}'s user and
     * device, and start uploading its keys if needed. Completes when the module can take
     * {@link #receiveSync}, {@link #encrypt} and {@link #decrypt} calls; key uploads may go on
     * in the background.
     *
     * <p><b>Failures.</b> A transient failure ({@link dev.mxj.MatrixNetworkException}, a
     * {@link dev.mxj.MatrixApiException} with status 429 or 5xx, or a {@link dev.mxj.StoreException})
     * is tried again at the next sync, send or decryption. Any other failure is permanent for the
     * session: the client stops calling {@code attach} for it, reports
     * {@link dev.mxj.EncryptionState.Unavailable}, fails events queued into encrypted rooms with
     * {@link dev.mxj.send.SendFailedException.Reason#ENCRYPTION_UNAVAILABLE}, and keeps the to-device
     * events in the store's inbox. To say plainly that a failure is permanent, and what the user
     * should do (e.g. "the passphrase does not open this crypto store"), fail with a
     * {@link dev.mxj.EncryptionUnavailableException} whose cause is the underlying error; the client
     * reports it as it is. Other permanent failures are wrapped in one with generic advice.
     */
    CompletableFuture<Void> attach(EncryptionContext context);

    /**
     * The end-to-end encryption parts of a sync that the state store has saved: to-device events
     * (room keys, Olm messages), device list changes, one-time key counts. Called one at a time, in
     * sync order; the client waits for the future before the next sync, so room keys of this sync are
     * known when its timeline events are decrypted. It waits up to its
     * {@link dev.mxj.MatrixClient.Builder#encryptionTimeout encryption timeout}; after that this sync
     * round fails and sync goes on, but the next call still comes only once this future completes.
     *
     * <p>Complete the future once the to-device events are processed and their results saved
     * durably (the crypto store): the client then drops them from its to-device inbox. A failed
     * future keeps them in the inbox and fails this sync round; the loop retries with back-off and
     * hands them over again. A crash before completion hands them over again after restart, so
     * processing must tolerate seeing the same to-device events twice. A single bad event must not
     * fail the future: log it (without key material) and go on.
     */
    CompletableFuture<Void> receiveSync(SyncCryptoChanges changes);

    /**
     * Encrypts an event for a room: shares the room's session key with the devices of
     * {@link RoomEncryptionRequest#recipients()} that do not have it yet (querying and claiming keys
     * through the transport as needed), then encrypts. Answers the content of the
     * {@code m.room.encrypted} event to send in place of the plaintext one. The client copies the
     * plaintext's {@code m.relates_to} into that content if the module did not, so that servers can
     * aggregate relations.
     *
     * <p>Called by the send queue just before the event is sent, on every attempt: a restart
     * re-encrypts from the stored plaintext. The send fails if the future has not completed within
     * the client's {@link dev.mxj.MatrixClient.Builder#encryptionTimeout encryption timeout}. A
     * failure (e.g. {@link dev.mxj.MatrixException} from a key claim) fails that attempt of the send;
     * network and 5xx failures are retried like a send.
     */
    CompletableFuture<RawJson> encrypt(RoomEncryptionRequest request);

    /**
     * Decrypts an {@code m.room.encrypted} timeline event of {@code roomId}. Answers the plaintext
     * or why it could not be read; an exceptional future counts as
     * {@link dev.mxj.event.UnableToDecrypt.Reason#OTHER}. The module applies its trust policy here
     * (e.g. "only verified senders", answered as
     * {@link dev.mxj.event.UnableToDecrypt.Reason#SENDER_NOT_TRUSTED}).
     */
    CompletableFuture<RoomDecryption> decrypt(RoomId roomId, RoomEvent event);

    /**
     * The session ended or the client closed: stop background work and release the crypto store.
     * No other call follows until the next {@link #attach}.
     */
    void detach();
}
