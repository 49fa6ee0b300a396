package dev.mxj.internal.send;

import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;
import dev.mxj.send.LocalEcho;
import dev.mxj.send.SendFailedException;
import dev.mxj.send.SendHandle;
import dev.mxj.send.SendState;
import dev.mxj.store.QueuedSend;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/** The {@link SendHandle} of one transaction ID; the store holds the event, this its state in this process. */
final class QueueHandle implements SendHandle {
    private final SendQueue queue;
    private final RoomId room;
    private final String txnId;
    private final CompletableFuture<EventId> sent = new CompletableFuture<>();
    private volatile SendState state = new SendState.Pending();
    private volatile Throwable lastCause;

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
        Optional<QueuedSend> entry = current();
        if (entry.isEmpty() || !queue.sender(room).cancel(txnId)) {
            return false;
        }
        state = new SendState.Cancelled();
        sent.completeExceptionally(new CancellationException("The event " + txnId + " was cancelled"));
        queue.emit(entry.get());
        queue.forget(txnId);
        return true;
    }

    @Override
    public CompletableFuture<SendHandle> edit(String markdown) {
        Optional<QueuedSend> entry = current();
        String msgtype = entry.map(e -> MessageContents.msgtype(e.content())).orElse("m.text");
        if (!sent.isDone() && entry.isPresent()) {
            Map<String, Object> content = MessageContents.message(msgtype, markdown);
            RawJson old = entry.get().content();
            old.object("m.relates_to").ifPresent(r -> content.put("m.relates_to", r.tree()));
            content.put("m.mentions", old.object("m.mentions").map(RawJson::tree).orElse(Map.of()));
            if (queue.sender(room).replace(txnId, RawJson.ofTree(content))) {
                current().ifPresent(queue::emit);
                return CompletableFuture.completedFuture(this);
            }
        }
        return sent.thenApply(id -> queue.enqueue(room, MessageContents.MESSAGE,
                MessageContents.edit(msgtype, markdown, id), Optional.empty()));
    }

    @Override
    public CompletableFuture<Optional<SendHandle>> redact(Optional<String> reason) {
        if (!sent.isDone() && cancel()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return sent.thenApply(id -> Optional.of(queue.enqueue(room, MessageContents.REDACTION,
                MessageContents.redaction(reason), Optional.of(id))));
    }

    /** Notes the typed cause of a failure, for the {@link SendState.Failed} that follows. */
    void failedBecause(Throwable cause) {
        lastCause = cause;
    }

    /** Takes the stored state of the event. */
    void update(QueuedSend entry) {
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
        return new LocalEcho(room, txnId, entry.eventType(), entry.content(), entry.redacts(), shown,
                Instant.ofEpochMilli(entry.createdAtMillis()));
    }

    private SendState stateOf(QueuedSend entry) {
        return switch (entry.status()) {
            case PENDING -> new SendState.Pending();
            case SENT -> new SendState.Sent(entry.eventId().orElseThrow());
            case FAILED -> new SendState.Failed(new SendFailedException("Could not send event " + txnId + " to "
                    + room + ": " + entry.failure().orElse("unknown cause") + ". Retry or cancel it.", lastCause));
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
