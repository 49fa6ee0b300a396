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
        Objects.requireNonNull(txnId, "transactionId");
        if (byTxn.containsKey(txnId)) {
            throw new IllegalArgumentException("The send queue already holds transaction " + txnId);
        }
        QueuedSend entry = new QueuedSend(roomId, txnId, nextOrder++, type, content, redacts, Status.PENDING,
                Optional.empty(), Optional.empty(), createdAtMillis);
        byTxn.put(txnId, entry);
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
        return update(roomId, txnId, e -> e.status() == Status.PENDING ? e.withContent(content) : null);
    }

    public boolean markSent(RoomId roomId, String txnId, EventId eventId) {
        Objects.requireNonNull(eventId, "eventId");
        return update(roomId, txnId, e -> e.with(Status.SENT, Optional.of(eventId), Optional.empty()));
    }

    public boolean markFailed(RoomId roomId, String txnId, String cause) {
        Objects.requireNonNull(cause, "cause");
        return update(roomId, txnId, e -> e.with(Status.FAILED, Optional.empty(), Optional.of(cause)));
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
