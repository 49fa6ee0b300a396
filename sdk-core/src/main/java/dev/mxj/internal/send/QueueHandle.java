package dev.mxj.internal.send;

import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.send.LocalEcho;
import dev.mxj.send.SendFailedException;
import dev.mxj.send.SendHandle;
import dev.mxj.send.SendState;
import dev.mxj.store.QueuedSend;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** The {@link SendHandle} of one transaction ID; the store holds the event, this its state in this process. */
final class QueueHandle implements SendHandle {
    private final SendQueue queue;
    private final RoomId room;
    private final String txnId;
    private final CompletableFuture<EventId> sent = new CompletableFuture<>();
    private volatile SendState state = new SendState.Pending();
    private volatile Throwable lastCause;
    /** The event this one waited for, if any (kept after the store resolved it). */
    private volatile Optional<String> dependsOn = Optional.empty();

    QueueHandle(SendQueue queue, RoomId room, String txnId) {
        this.queue = queue;
        this.room = room;
        this.txnId = txnId;
    }

    @Override
    public RoomId roomId() {
        return room;
    }

    @Override
    public String transactionId() {
        return txnId;
    }

    @Override
    public SendState state() {
        return state;
    }

    @Override
    public CompletableFuture<EventId> sent() {
        return sent.copy();
    }

    @Override
    public boolean retry() {
        if (!queue.store().markSendPending(room, txnId)) {
            return false;
        }
        lastCause = null;
        current().ifPresent(queue::emit);
        queue.sender(room).kick();
        return true;
    }

    @Override
    public boolean cancel() {
        List<QueuedSend> queued = queue.store().queuedSends(room);
        Optional<QueuedSend> entry = queued.stream().filter(e -> e.transactionId().equals(txnId)).findFirst();
        if (entry.isEmpty() || !queue.sender(room).cancel(txnId)) {
            return false;
        }
        cancelled();
        queue.emit(entry.get());
        queue.forget(txnId);
        // The store removed the edits and redactions waiting for this event with it.
        queued.stream().filter(e -> e.dependsOn().filter(txnId::equals).isPresent()).forEach(queue::dropped);
        return true;
    }

    @Override
    public CompletableFuture<SendHandle> edit(String markdown) {
        Objects.requireNonNull(markdown, "markdown");
        Optional<QueuedSend> entry = current();
        if (entry.isEmpty() || sent.isDone()) {
            return afterSent(id -> queue.enqueue(room, MessageContents.MESSAGE,
                    MessageContents.edit(msgtype(entry), markdown, id), Optional.empty()));
        }
        if (queue.sender(room).replace(txnId, MessageContents.replaceText(entry.get().content(), markdown))) {
            current().ifPresent(queue::emit);
            return CompletableFuture.completedFuture(this);
        }
        // In flight (or sent, its echo not yet seen): the edit follows it, stored with it.
        Optional<SendHandle> edit = queue.enqueueDependent(room, txnId, MessageContents.MESSAGE,
                MessageContents.edit(msgtype(entry), markdown, Optional.empty()));
        if (edit.isPresent()) {
            return CompletableFuture.completedFuture(edit.get());
        }
        return afterSent(id -> queue.enqueue(room, MessageContents.MESSAGE,
                MessageContents.edit(msgtype(entry), markdown, id), Optional.empty()));
    }

    @Override
    public CompletableFuture<Optional<SendHandle>> redact(Optional<String> reason) {
        Objects.requireNonNull(reason, "reason");
        if (state instanceof SendState.Cancelled) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (!sent.isDone()) {
            if (cancel()) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            // In flight (or sent, its echo not yet seen): the redaction follows it, stored with it.
            Optional<SendHandle> redaction = queue.enqueueDependent(room, txnId, MessageContents.REDACTION,
                    MessageContents.redaction(reason));
            if (redaction.isPresent()) {
                return CompletableFuture.completedFuture(redaction);
            }
        }
        return afterSent(id -> Optional.of(queue.enqueue(room, MessageContents.REDACTION,
                MessageContents.redaction(reason), Optional.of(id))));
    }

    /** Once sent, {@code then} with the event ID; fails with {@link IllegalStateException} if cancelled. */
    private <T> CompletableFuture<T> afterSent(Function<EventId, T> then) {
        return sent.handle((id, error) -> {
            if (error != null) {
                throw new IllegalStateException("The event " + txnId + " was cancelled and never sent: there is"
                        + " nothing to edit or redact");
            }
            return then.apply(id);
        });
    }

    private static String msgtype(Optional<QueuedSend> entry) {
        return entry.map(e -> MessageContents.msgtype(e.content())).orElse("m.text");
    }

    /** True if this event was queued waiting for {@code parentTxn}'s event ID. */
    boolean dependedOn(String parentTxn) {
        return dependsOn.filter(parentTxn::equals).isPresent();
    }

    /** The event was removed without being sent. */
    void cancelled() {
        state = new SendState.Cancelled();
        sent.completeExceptionally(new CancellationException("The event " + txnId + " was cancelled"));
    }

    /** Notes the typed cause of a failure, for the {@link SendState.Failed} that follows. */
    void failedBecause(Throwable cause) {
        lastCause = cause;
    }

    /** Takes the stored state of the event. */
    void update(QueuedSend entry) {
        if (entry.dependsOn().isPresent()) {
            dependsOn = entry.dependsOn();
        }
        if (state instanceof SendState.Cancelled) {
            return;
        }
        state = stateOf(entry);
        if (state instanceof SendState.Sent s) {
            sent.complete(s.eventId());
        }
    }

    LocalEcho echo(QueuedSend entry) {
        SendState shown = state instanceof SendState.Cancelled ? state : stateOf(entry);
        return new LocalEcho(room, txnId, entry.eventType(), entry.content(), entry.redacts(), entry.dependsOn(),
                shown, Instant.ofEpochMilli(entry.createdAtMillis()));
    }

    private SendState stateOf(QueuedSend entry) {
        return switch (entry.status()) {
            case PENDING -> new SendState.Pending();
            case SENT -> new SendState.Sent(entry.eventId().orElseThrow());
            case FAILED -> new SendState.Failed(SendFailures.exception(room, txnId, entry.failure().orElse(
                    new QueuedSend.Failure(SendFailedException.Reason.OTHER, "unknown cause", Optional.empty(),
                            Optional.empty())), Optional.ofNullable(lastCause)));
        };
    }

    private Optional<QueuedSend> current() {
        return queue.store().queuedSends(room).stream().filter(e -> e.transactionId().equals(txnId)).findFirst();
    }

    @Override
    public String toString() {
        return "SendHandle[" + room + ", " + txnId + ", " + state + "]";
    }
}
