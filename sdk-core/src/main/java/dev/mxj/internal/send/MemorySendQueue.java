package dev.mxj.internal.send;

import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;
import dev.mxj.store.QueuedSend;
import dev.mxj.store.QueuedSend.Status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The send queue of {@link dev.mxj.store.MemoryStateStore}: entries by transaction ID, under one lock. */
public final class MemorySendQueue {
    private final Map<String, QueuedSend> byTxn = new LinkedHashMap<>();
    private long nextOrder = 1;

    public synchronized QueuedSend enqueue(RoomId roomId, String txnId, String type, RawJson content,
                                           Optional<EventId> redacts, long createdAtMillis) {
        return put(new QueuedSend(roomId, txnId, nextOrder, type, content, redacts, Optional.empty(),
                Status.PENDING, Optional.empty(), Optional.empty(), createdAtMillis));
    }

    public synchronized Optional<QueuedSend> enqueueDependent(RoomId roomId, String txnId, String parentTxnId,
                                                              String type, RawJson content, long createdAtMillis) {
        Objects.requireNonNull(parentTxnId, "parentTransactionId");
        QueuedSend parent = byTxn.get(parentTxnId);
        if (parent == null || !parent.roomId().equals(roomId)) {
            return Optional.empty();
        }
        QueuedSend entry = new QueuedSend(roomId, txnId, nextOrder, type, content, Optional.empty(),
                Optional.of(parentTxnId), Status.PENDING, Optional.empty(), Optional.empty(), createdAtMillis);
        if (parent.status() == Status.SENT) {
            entry = entry.resolvedWith(parent.eventId().orElseThrow());
        }
        return Optional.of(put(entry));
    }

    private QueuedSend put(QueuedSend entry) {
        Objects.requireNonNull(entry.transactionId(), "transactionId");
        if (byTxn.containsKey(entry.transactionId())) {
            throw new IllegalArgumentException("The send queue already holds transaction " + entry.transactionId());
        }
        nextOrder++;
        byTxn.put(entry.transactionId(), entry);
        return entry;
    }

    public synchronized List<QueuedSend> list(RoomId roomId) {
        List<QueuedSend> out = new ArrayList<>();
        for (QueuedSend entry : byTxn.values()) {
            if (entry.roomId().equals(roomId)) {
                out.add(entry);
            }
        }
        return List.copyOf(out);
    }

    public synchronized List<RoomId> rooms() {
        return byTxn.values().stream().map(QueuedSend::roomId).distinct().toList();
    }

    public boolean replaceContent(RoomId roomId, String txnId, RawJson content) {
        Objects.requireNonNull(content, "content");
        return update(roomId, txnId, e -> e.status() != Status.SENT ? e.withContent(content) : null);
    }

    public synchronized boolean markSent(RoomId roomId, String txnId, EventId eventId) {
        Objects.requireNonNull(eventId, "eventId");
        if (!update(roomId, txnId, e -> e.with(Status.SENT, Optional.of(eventId), Optional.empty()))) {
            return false;
        }
        for (QueuedSend entry : List.copyOf(byTxn.values())) {
            if (entry.dependsOn().equals(Optional.of(txnId))) {
                byTxn.put(entry.transactionId(), entry.resolvedWith(eventId));
            }
        }
        return true;
    }

    public boolean markFailed(RoomId roomId, String txnId, QueuedSend.Failure failure) {
        Objects.requireNonNull(failure, "failure");
        return update(roomId, txnId, e -> e.with(Status.FAILED, Optional.empty(), Optional.of(failure)));
    }

    public boolean markPending(RoomId roomId, String txnId) {
        return update(roomId, txnId, e -> e.status() == Status.FAILED
                ? e.with(Status.PENDING, Optional.empty(), Optional.empty()) : null);
    }

    public synchronized boolean remove(RoomId roomId, String txnId) {
        QueuedSend entry = byTxn.get(txnId);
        if (entry == null || !entry.roomId().equals(roomId)) {
            return false;
        }
        byTxn.remove(txnId);
        // Entries waiting for a removed one can never be sent (nor those waiting for them).
        boolean removed = true;
        while (removed) {
            removed = byTxn.values().removeIf(e -> e.dependsOn().isPresent() && !byTxn.containsKey(e.dependsOn().get()));
        }
        return true;
    }

    /** Applies {@code change} to the entry; a null result means "not applicable". */
    private synchronized boolean update(RoomId roomId, String txnId, UnaryOperator<QueuedSend> change) {
        QueuedSend entry = byTxn.get(txnId);
        if (entry == null || !entry.roomId().equals(roomId)) {
            return false;
        }
        QueuedSend next = change.apply(entry);
        if (next == null) {
            return false;
        }
        byTxn.put(txnId, next);
        return true;
    }
}
