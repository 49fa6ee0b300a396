package dev.mxj.send;

import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One event in the persistent send queue of a room, from {@link dev.mxj.room.Room#sendText(String)}
 * and friends. The event is on disk (with a persistent store) before the handle is returned; it is
 * sent once, in its room's order, with one transaction ID on every attempt, also after a restart.
 *
 * <p>{@link #sent()} completes with the event ID when the server took the event, and completes
 * exceptionally with a {@link java.util.concurrent.CancellationException} when it is cancelled. A
 * failure does not complete it: it shows as {@link SendState.Failed} in {@link #state()} and to
 * {@link dev.mxj.room.Room#onSendStateChanged} listeners, and {@link #retry()} may still succeed.
 * Cancelling the future itself does not cancel the send; call {@link #cancel()}.
 */
public interface SendHandle {
    RoomId roomId();

    /** The transaction ID: the same on every attempt and in the remote echo's {@code unsigned}. */
    String transactionId();

    /** The current state. */
    SendState state();

    /** The event ID once sent; see the class comment. */
    CompletableFuture<EventId> sent();

    /** Puts a failed event back in the queue, in its place; false if it is not failed. */
    boolean retry();

    /** Removes the event from the queue if it is not sent and not in flight; false otherwise. */
    boolean cancel();

    /**
     * Edits a message queued with this handle, and answers the handle that carries the new text:
     * <ul>
     * <li>waiting, or failed: its queued content is replaced (the store keeps the new content across a
     *     restart) and this handle is answered; a failed one still needs {@link #retry()};</li>
     * <li>in flight, or sent: an {@code m.replace} edit is queued behind it, and its handle answered at
     *     once. While the event is in flight the edit is stored waiting for its event ID, which the
     *     queue fills in when the event is sent, also after a restart;</li>
     * <li>cancelled: the future fails with an {@link IllegalStateException}.</li>
     * </ul>
     */
    CompletableFuture<SendHandle> edit(String markdown);

    /**
     * Takes the event back: a waiting or failed event is cancelled (empty answer; the store forgets it,
     * and any edit queued behind it). An event in flight or sent is redacted through the queue, and that
     * redaction's handle answered: for one in flight, the redaction is stored waiting for its event ID,
     * so it is sent after the event even if the process restarts in between.
     */
    CompletableFuture<Optional<SendHandle>> redact(Optional<String> reason);
}
