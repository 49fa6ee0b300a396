package dev.mxj.internal.send;

import dev.mxj.InvalidResponseException;
import dev.mxj.auth.Session;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.event.EventRegistry;
import dev.mxj.internal.Calls;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.crypto.E2ee;
import dev.mxj.internal.Listeners;
import dev.mxj.internal.Worker;
import dev.mxj.internal.api.SendApi;
import dev.mxj.internal.http.ApiRequest;
import dev.mxj.internal.http.Transport;
import dev.mxj.json.RawJson;
import dev.mxj.send.LocalEcho;
import dev.mxj.send.SendHandle;
import dev.mxj.store.QueuedSend;
import dev.mxj.store.RoomChanges;
import dev.mxj.store.StateChanges;
import dev.mxj.store.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The client's persistent send queue: one {@link RoomSender} per room (one event in flight per room,
 * in queue order), handles by transaction ID, and listeners. The store is the truth; this class holds
 * only what is in flight. Sent events leave the store when their remote echo arrives by sync.
 */
public final class SendQueue {
    private static final Logger log = LoggerFactory.getLogger(SendQueue.class);

    private final ClientContext context;
    private final StateStore store;
    private final Worker worker;
    private final Listeners<LocalEcho> listeners;
    private final Map<RoomId, RoomSender> rooms = new ConcurrentHashMap<>();
    private final Map<String, QueueHandle> handles = new ConcurrentHashMap<>();
    private final Duration roundDelay;
    private final AtomicBoolean resumed = new AtomicBoolean();
    /** Encrypts events for encrypted rooms just before they are sent (the store keeps the plaintext). */
    private final E2ee e2ee;

    /** Rounds of attempts start 4 times the client's first back-off apart (2 s by default), doubling each round. */
    public SendQueue(ClientContext context, StateStore store) {
        this(context, store, new E2ee(context, store, Optional.empty(), EventRegistry.defaults()));
    }

    /** With {@code e2ee}, which encrypts events for encrypted rooms (or refuses them without a module). */
    public SendQueue(ClientContext context, StateStore store, E2ee e2ee) {
        this(context, store, context.transport().retryConfig().initialBackoff().multipliedBy(4), e2ee);
    }

    /** With {@code roundDelay}: the wait before the second round of attempts (it doubles each round). */
    public SendQueue(ClientContext context, StateStore store, Duration roundDelay) {
        this(context, store, roundDelay, new E2ee(context, store, Optional.empty(), EventRegistry.defaults()));
    }

    private SendQueue(ClientContext context, StateStore store, Duration roundDelay, E2ee e2ee) {
        this.e2ee = Objects.requireNonNull(e2ee, "e2ee");
        this.roundDelay = roundDelay;
        this.context = context;
        this.store = store;
        this.listeners = new Listeners<>(context.callbackExecutor());
        // Store reads and writes are blocking: done on a daemon thread that ends when idle.
        this.worker = new Worker("mxj-send-queue", Duration.ofSeconds(5));
    }

    /**
     * Starts sending what a previous run left queued, once the client has a session: at start, or
     * with the first sync after a login.
     */
    public void resume() {
        if (context.sessions().session().isEmpty() || resumed.getAndSet(true)) {
            return;
        }
        try {
            store.roomsWithQueuedSends().forEach(room -> sender(room).resume());
        } catch (UnsupportedOperationException e) {
            log.debug("The state store has no send queue: nothing to resume");
        } catch (RuntimeException e) {
            resumed.set(false); // try again with the next sync
            log.warn("Could not read the send queue to resume it", e);
        }
    }

    /** Queues an event (stored before this returns) and starts its room's sender. */
    public SendHandle enqueue(RoomId room, String type, RawJson content, Optional<EventId> redacts) {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(type, "type");
        if (!content.isObject()) {
            throw new IllegalArgumentException("Event content must be a JSON object, was " + content.json());
        }
        if (redacts.isEmpty()) {
            e2ee.checkCanSend(room); // fails fast for a room known encrypted when there is no module
        }
        QueuedSend entry = store.enqueueSend(room, newTransactionId(), type, content, redacts,
                context.clock().millis());
        QueueHandle handle = handle(entry);
        emit(entry);
        sender(room).kick();
        return handle;
    }

    /**
     * Queues an event that needs the event ID of the queued event {@code parentTxn} (see
     * {@link StateStore#enqueueDependentSend}); empty if that one is no longer queued.
     */
    Optional<SendHandle> enqueueDependent(RoomId room, String parentTxn, String type, RawJson content) {
        Optional<QueuedSend> entry = store.enqueueDependentSend(room, newTransactionId(), parentTxn, type, content,
                context.clock().millis());
        entry.ifPresent(e -> {
            emit(e);
            sender(room).kick();
        });
        return entry.map(this::handle);
    }

    private static String newTransactionId() {
        return "mxj" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The queued events of {@code room}, in order, as local echoes. */
    public List<LocalEcho> localEchoes(RoomId room) {
        return store.queuedSends(room).stream().map(e -> handle(e).echo(e)).toList();
    }

    /** The handle of a queued event, if it is still queued. */
    public Optional<SendHandle> handle(RoomId room, String txnId) {
        return store.queuedSends(room).stream().filter(e -> e.transactionId().equals(txnId)).findFirst()
                .map(this::handle);
    }

    public AutoCloseable onStateChanged(RoomId room, Consumer<? super LocalEcho> listener) {
        Objects.requireNonNull(listener, "listener");
        return listeners.add(echo -> {
            if (echo.roomId().equals(room)) {
                listener.accept(echo);
            }
        });
    }

    /** After a sync: sent events whose remote echo arrived leave the queue. */
    public void remoteEchoes(StateChanges changes) {
        worker.execute(() -> {
            resume();
            try {
                removeEchoed(changes);
            } catch (RuntimeException e) {
                // Never stops sync: the entries stay until a later sync matches them.
                log.warn("Could not match remote echoes with the send queue", e);
            }
        });
    }

    private void removeEchoed(StateChanges changes) {
        // The server gives an event's transaction ID only to the client that sent it, so only our
        // own events can carry one; the others' unsigned objects are not read.
        Optional<UserId> me = context.sessions().session().map(Session::userId);
        for (RoomChanges room : changes.rooms()) {
            for (SyncEvent event : room.timeline()) {
                if (event instanceof RoomEvent e && (me.isEmpty() || e.sender().equals(me.get()))) {
                    e.unsigned().string("transaction_id").ifPresent(txn -> echoed(room.info().roomId(), txn, e));
                }
            }
        }
    }

    /**
     * The server's copy of a queued event arrived (maybe before its PUT answered): events waiting for
     * its ID get it, and it leaves the queue.
     */
    private void echoed(RoomId room, String txn, RoomEvent remote) {
        Optional<QueuedSend> entry = store.queuedSends(room).stream().filter(e -> e.transactionId().equals(txn))
                .findFirst();
        if (entry.isEmpty()) {
            return;
        }
        if (entry.get().status() != QueuedSend.Status.SENT) {
            store.markSendSent(room, txn, remote.eventId());
            emitDependents(room, txn);
        }
        QueuedSend sent = entry.get().with(QueuedSend.Status.SENT, Optional.of(remote.eventId()), Optional.empty());
        QueueHandle handle = handles.remove(txn);
        if (handle != null) {
            handle.update(sent);
        }
        store.removeSend(room, txn);
    }

    RoomSender sender(RoomId room) {
        return rooms.computeIfAbsent(room, r -> new RoomSender(this, r));
    }

    QueueHandle handle(QueuedSend entry) {
        QueueHandle handle = handles.computeIfAbsent(entry.transactionId(),
                txn -> new QueueHandle(this, entry.roomId(), txn));
        handle.update(entry);
        return handle;
    }

    /**
     * Tells listeners about the events that were waiting for {@code parentTxn}'s event ID, now that
     * it is known (call after {@link StateStore#markSendSent}).
     */
    void emitDependents(RoomId room, String parentTxn) {
        for (QueuedSend entry : store.queuedSends(room)) {
            QueueHandle handle = handles.get(entry.transactionId());
            if (handle != null && handle.dependedOn(parentTxn)) {
                emit(entry);
            }
        }
    }

    /** An event that could never be sent (the event it needed was removed) is shown as cancelled. */
    void dropped(QueuedSend entry) {
        QueueHandle handle = handles.remove(entry.transactionId());
        if (handle != null) {
            handle.cancelled();
        } else {
            handle = new QueueHandle(this, entry.roomId(), entry.transactionId());
            handle.cancelled();
        }
        listeners.emit(handle.echo(entry));
    }

    void forget(String txnId) {
        handles.remove(txnId);
    }

    /** Tells listeners; an entry whose handle was let go (echoed or cancelled) gets a throwaway one. */
    void emit(QueuedSend entry) {
        QueueHandle handle = handles.get(entry.transactionId());
        if (handle == null) {
            handle = new QueueHandle(this, entry.roomId(), entry.transactionId());
        }
        handle.update(entry);
        listeners.emit(handle.echo(entry));
    }

    StateStore store() {
        return store;
    }

    Transport transport() {
        return context.transport();
    }

    Executor worker() {
        return worker;
    }

    Duration roundDelay() {
        return roundDelay;
    }

    void schedule(Runnable task, Duration delay) {
        context.scheduler().schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True once the client is closed: an attempt that fails then stays pending for the next run. */
    boolean closed() {
        return worker.isClosed() || context.scheduler().isShutdown();
    }

    /**
     * For {@link dev.mxj.MatrixClient#close()}: takes no more work and waits, until {@code deadline}
     * ({@link System#nanoTime()}), for a store write under way. A send whose answer comes later
     * stays queued in the store, and the next run looks it up on the server before sending it again.
     */
    public void close(long deadline) {
        if (!worker.close(deadline)) {
            log.warn("The send queue was still writing to the store when the client closed; not waiting longer");
        }
    }

    /** One attempt: {@code PUT /send/{type}/{txnId}} or {@code PUT /redact/{eventId}/{txnId}}, with the transport's retries. */
    CompletableFuture<EventId> send(QueuedSend entry) {
        if (entry.redacts().isPresent()) {
            return put(entry, entry.eventType(), entry.content()); // redactions are never encrypted
        }
        // Encrypted here, on every attempt, from the stored plaintext: a restart encrypts again.
        return Calls.then(e2ee.prepare(entry.roomId(), entry.transactionId(), entry.eventType(), entry.content()),
                out -> put(entry, out.type(), out.content()));
    }

    private CompletableFuture<EventId> put(QueuedSend entry, String type, RawJson content) {
        ApiRequest.Builder b = ApiRequest.put("/_matrix/client/v3/rooms").segment(entry.roomId().value());
        if (entry.redacts().isPresent()) {
            b.segment("redact").segment(entry.redacts().get().value());
        } else {
            b.segment("send").segment(type);
        }
        b.segment(entry.transactionId()).body(content);
        return context.transport().send(b.parse(SendApi.SendResponse.class)).thenApply(r -> {
            if (r.eventId() == null) {
                throw new InvalidResponseException("PUT " + (entry.redacts().isPresent() ? "redact" : "send")
                        + " answered without event_id.");
            }
            return r.eventId();
        });
    }
}
