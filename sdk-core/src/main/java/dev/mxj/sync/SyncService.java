package dev.mxj.sync;

import dev.mxj.store.RoomChanges;
import dev.mxj.store.StateChanges;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Keeps the client's {@link dev.mxj.store.StateStore} in step with the homeserver by calling
 * {@code /sync} in a loop. From {@link dev.mxj.MatrixClient#sync()}; one per client.
 *
 * <p>Each response is turned into one {@link StateChanges} value, saved with its {@code next_batch}
 * token in one store transaction, and only then announced to listeners; the next request starts
 * from the saved token. After a crash or a {@link #stop()}, the loop resumes where the store is.
 *
 * <pre>{@code
 * try (AutoCloseable sub = client.sync().onRoomUpdate(room -> System.out.println(room.info().name()))) {
 *     client.sync().start();
 *     ...
 *     client.sync().stop().join();
 * }
 * }</pre>
 *
 * <p><b>Listeners</b> run on the client's callback executor, in order, and must be fast. A listener
 * that throws is logged and isolated: the others still run and the loop goes on. Close the
 * returned subscription to remove a listener.
 */
public interface SyncService {
    /** Starts the loop with {@link SyncSettings#defaults()}; does nothing if it is running. */
    void start();

    /**
     * Starts the loop; does nothing if it is running already (stop it first to change settings).
     * Without a usable session the state becomes {@link SyncState.Terminated} at once.
     *
     * @throws IllegalStateException if a {@link #syncOnce()} is under way
     */
    void start(SyncSettings settings);

    /**
     * Stops the loop: the long poll under way is cancelled at once. The future completes when the
     * loop has stopped; a response already being saved is saved in full first.
     */
    CompletableFuture<Void> stop();

    /** The loop's state now. */
    SyncState state();

    /** Calls {@code listener} with every change of {@link #state()}. */
    AutoCloseable onStateChanged(Consumer<? super SyncState> listener);

    /** Calls {@code listener} once per changed room of every saved sync response, after saving. */
    AutoCloseable onRoomUpdate(Consumer<? super RoomChanges> listener);

    /** Calls {@code listener} with every saved sync response's changes, after saving. */
    AutoCloseable onChanges(Consumer<? super StateChanges> listener);

    /** Calls {@code listener} while the first sync of an account is processed (see {@link SyncProgress}). */
    AutoCloseable onProgress(Consumer<? super SyncProgress> listener);

    /**
     * One sync request (without a long poll), saved and announced like the loop's, for tests,
     * scripts and bots that poll on their own schedule.
     *
     * @return the changes saved; fails with the request's {@link dev.mxj.MatrixException}, or
     *         {@link IllegalStateException} if the loop or another {@code syncOnce} is running
     */
    default CompletableFuture<StateChanges> syncOnce() {
        return syncOnce(SyncSettings.defaults().withTimeout(java.time.Duration.ZERO));
    }

    /** {@link #syncOnce()} with these settings (the timeout is the long poll of this one request). */
    CompletableFuture<StateChanges> syncOnce(SyncSettings settings);
}
