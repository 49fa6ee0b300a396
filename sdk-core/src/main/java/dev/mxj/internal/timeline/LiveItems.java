package dev.mxj.internal.timeline;

import dev.mxj.event.SyncEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.internal.Calls;
import dev.mxj.room.Receipt;
import dev.mxj.room.ReceiptType;
import dev.mxj.store.RoomChanges;
import dev.mxj.timeline.PaginationResult;
import dev.mxj.timeline.TimelineDiff;
import dev.mxj.timeline.TimelineItem;
import dev.mxj.timeline.TimelineUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * What a live timeline (the main one, or a thread's) does the same way: one {@link TimelineModel}
 * under one lock, loaded on first use, fed by sync, local echoes and pagination; subscribers with a
 * snapshot then diffs; read receipts. Subclasses say how to load, page back, and follow a sync.
 */
abstract class LiveItems implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveItems.class);

    final RoomId roomId;
    final TimelineContext context;
    final Scope scope;
    final Object lock = new Object();
    final TimelineModel model;
    private final List<Delivery<TimelineUpdate>> subscribers = new CopyOnWriteArrayList<>();
    private final AutoCloseable syncSubscription;
    private final AutoCloseable echoSubscription;
    private final AutoCloseable keySubscription;
    final TimelineDecryption decryption;
    private boolean loaded;
    boolean closed;
    /** Grows on every reset, so a page fetched before a reset is not shown after it. */
    int generation;
    private CompletableFuture<PaginationResult> tail = CompletableFuture.completedFuture(null);

    LiveItems(RoomId roomId, TimelineContext context, Scope scope) {
        this.roomId = Objects.requireNonNull(roomId, "roomId");
        this.context = context;
        this.scope = scope;
        this.decryption = context.decryption(roomId, this::replaceLoaded);
        this.model = new TimelineModel(context.index(roomId, scope, decryption)).decryptingWith(decryption::decrypt);
        this.keySubscription = context.e2ee().onRoomKeys(keys -> replaceLoaded(decryption.retry(keys)));
        this.syncSubscription = context.sync().onRoomUpdate(this::onRoomUpdate);
        this.echoSubscription = context.sends().onStateChanged(roomId, echo -> {
            synchronized (lock) {
                if (loaded && !closed) {
                    emit(model.upsertLocal(echo)); // before loading, the load reads the queue
                }
            }
        });
    }

    /** Fills the model the first time (under the lock); answers the diffs (a reset). */
    abstract List<TimelineDiff> load();

    /** One sync's changes of this room (under the lock, once loaded); answers the diffs. */
    abstract List<TimelineDiff> follow(RoomChanges changes);

    /** One pagination step; {@code call} receives the HTTP call in flight, to cancel. */
    abstract CompletableFuture<PaginationResult> step(int limit, AtomicReference<CompletableFuture<?>> call);

    public RoomId roomId() {
        return roomId;
    }

    public List<TimelineItem> items() {
        synchronized (lock) {
            ensureLoaded();
            return model.items();
        }
    }

    public AutoCloseable subscribe(Consumer<? super TimelineUpdate> listener) {
        Objects.requireNonNull(listener, "listener");
        Delivery<TimelineUpdate> delivery = new Delivery<>(context.client().callbackExecutor(), listener);
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("This timeline was closed; open another one");
            }
            ensureLoaded();
            delivery.offer(new TimelineUpdate.Snapshot(model.items()));
            subscribers.add(delivery);
        }
        return () -> {
            subscribers.remove(delivery);
            delivery.close();
        };
    }

    public CompletableFuture<PaginationResult> paginateBackwards(int limit) {
        checkLimit(limit);
        AtomicReference<CompletableFuture<?>> call = new AtomicReference<>();
        CompletableFuture<PaginationResult> next;
        synchronized (lock) {
            next = tail.handle((v, e) -> null).thenCompose(v -> step(limit, call));
            tail = next;
        }
        next.whenComplete((v, e) -> {
            CompletableFuture<?> inFlight = call.get();
            if (next.isCancelled() && inFlight != null) {
                inFlight.cancel(true); // cancelling a pagination cancels its HTTP call
            }
        });
        return next;
    }

    public CompletableFuture<Optional<EventId>> markAsRead(ReceiptType type) {
        Objects.requireNonNull(type, "type");
        Optional<EventId> target;
        synchronized (lock) {
            ensureLoaded();
            target = model.receiptTarget();
        }
        if (target.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        EventId event = target.get();
        String thread = scope.receiptThread();
        return Calls.map(context.sendReceipt(roomId, type, event, thread), v -> {
            context.me().ifPresent(me -> {
                Receipt sent = new Receipt(event, type.value(), me, Optional.of(thread),
                        context.client().clock().millis());
                synchronized (lock) {
                    if (!closed) {
                        emit(model.receipts(List.of(sent))); // shown at once; sync brings the server's copy
                    }
                }
            });
            return Optional.of(event);
        });
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            subscribers.forEach(Delivery::close);
            subscribers.clear();
        }
        try {
            syncSubscription.close();
            echoSubscription.close();
            keySubscription.close();
        } catch (Exception e) {
            LOG.debug("Closing the listeners of a timeline failed", e);
        }
    }

    static void checkLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    void ensureLoaded() {
        if (!loaded) {
            loaded = true;
            model.receipts(context.store().receipts(roomId));
            load();
        }
    }

    private void onRoomUpdate(RoomChanges changes) {
        if (!changes.info().roomId().equals(roomId)) {
            return;
        }
        synchronized (lock) {
            if (!loaded || closed) {
                return; // the first subscriber or read loads from the store, which has these events
            }
            List<TimelineDiff> diffs = new ArrayList<>(follow(changes));
            diffs.addAll(model.receipts(changes.receipts()));
            emit(diffs);
        }
    }

    /** Loaded events decrypted late or again: replaced in place (a Set diff each). */
    private void replaceLoaded(List<SyncEvent> copies) {
        if (copies.isEmpty()) {
            return;
        }
        synchronized (lock) {
            if (loaded && !closed) {
                emit(model.replaceLoaded(copies));
            }
        }
    }

    /** Sends {@code diffs} to every subscriber as one update (under the lock). */
    void emit(List<TimelineDiff> diffs) {
        if (!diffs.isEmpty()) {
            TimelineUpdate.Diffs update = new TimelineUpdate.Diffs(diffs);
            subscribers.forEach(subscriber -> subscriber.offer(update));
        }
    }
}
