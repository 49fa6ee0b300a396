package dev.mxj.internal.timeline;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.internal.send.SendQueue;
import dev.mxj.send.LocalEcho;
import dev.mxj.store.RoomChanges;
import dev.mxj.store.StateStore;
import dev.mxj.store.StoredEvent;
import dev.mxj.store.TimelineGap;
import dev.mxj.sync.SyncService;
import dev.mxj.timeline.Direction;
import dev.mxj.timeline.EventAtTime;
import dev.mxj.timeline.FocusedTimeline;
import dev.mxj.timeline.PaginationResult;
import dev.mxj.timeline.Timeline;
import dev.mxj.timeline.TimelineDiff;
import dev.mxj.timeline.TimelineItem;
import dev.mxj.timeline.TimelineUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A {@link Timeline} over the state store: loads the newest stored events on first use, appends
 * what sync delivers (a limited sync resets it to the store's newest events after the new gap), and
 * pages back through the store, then the server. State lives in a {@link TimelineModel} under one lock.
 */
final class StoreTimeline implements Timeline {
    private static final Logger LOG = LoggerFactory.getLogger(StoreTimeline.class);
    /** How many stored events a timeline starts with. */
    static final int INITIAL_EVENTS = 20;

    private final RoomId roomId;
    private final StateStore store;
    private final RoomHistory history;
    private final Executor callbacks;
    private final AutoCloseable syncSubscription;
    private final SendQueue sends;
    private final AutoCloseable echoSubscription;
    private final List<Delivery<TimelineUpdate>> subscribers = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final TimelineModel model = new TimelineModel();
    private boolean loaded;
    private boolean closed;
    /** Grows on every reset, so a page fetched before a reset is not shown after it. */
    private int generation;
    /** The position of the oldest event shown, for a malformed event without an ID to look up. */
    private long oldestPosition = Long.MAX_VALUE;
    private CompletableFuture<PaginationResult> tail = CompletableFuture.completedFuture(null);

    StoreTimeline(RoomId roomId, StateStore store, RoomHistory history, Executor callbacks, SyncService sync,
                  SendQueue sends) {
        this.roomId = Objects.requireNonNull(roomId, "roomId");
        this.store = store;
        this.history = history;
        this.callbacks = callbacks;
        this.sends = sends;
        this.syncSubscription = sync.onRoomUpdate(this::onRoomUpdate);
        this.echoSubscription = sends.onStateChanged(roomId, this::onLocalEcho);
    }

    @Override
    public RoomId roomId() {
        return roomId;
    }

    @Override
    public List<TimelineItem> items() {
        synchronized (lock) {
            ensureLoaded();
            return model.items();
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<? super TimelineUpdate> listener) {
        Objects.requireNonNull(listener, "listener");
        Delivery<TimelineUpdate> delivery = new Delivery<>(callbacks, listener);
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("This timeline was closed; open another with room.timeline()");
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

    @Override
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

    @Override
    public CompletableFuture<FocusedTimeline> focusOn(EventId event, int limit) {
        Objects.requireNonNull(event, "event");
        checkLimit(limit);
        return RoomHistory.map(history.context(roomId, event, limit),
                context -> Focused.of(history, roomId, event, context));
    }

    @Override
    public CompletableFuture<Optional<EventAtTime>> eventAt(Instant time, Direction direction) {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(direction, "direction");
        CompletableFuture<EventAtTime> call = history.timestampToEvent(roomId, time, direction);
        CompletableFuture<Optional<EventAtTime>> derived = call.handle((found, error) -> {
            if (error == null) {
                return Optional.of(found);
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            if (cause instanceof MatrixApiException api
                    && (api.httpStatus() == 404 || api.errorCode().equals(ErrorCode.NOT_FOUND))) {
                return Optional.empty();
            }
            throw cause instanceof CompletionException ce ? ce : new CompletionException(cause);
        });
        derived.whenComplete((v, e) -> {
            if (derived.isCancelled()) {
                call.cancel(true);
            }
        });
        return derived;
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
        } catch (Exception e) {
            LOG.debug("Closing the sync listener of a timeline failed", e);
        }
    }

    static void checkLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    /** One pagination: from the store if it has older events before the nearest gap, else from the server. */
    private CompletableFuture<PaginationResult> step(int limit, AtomicReference<CompletableFuture<?>> call) {
        long below;
        int startedIn;
        synchronized (lock) {
            ensureLoaded();
            below = oldestPosition();
            startedIn = generation;
        }
        StoreWindow window = StoreWindow.before(store, roomId, below, limit);
        if (!window.events().isEmpty() || window.gap().isEmpty()) {
            show(startedIn, window.events(), window.gapBefore());
            return CompletableFuture.completedFuture(
                    new PaginationResult(window.events().size(), window.reachedStart() && !window.gapBefore()));
        }
        TimelineGap gap = window.gap().get();
        CompletableFuture<RoomHistory.Page> request = history.messages(roomId, Optional.of(gap.prevBatch()),
                Direction.BACKWARD, limit);
        call.set(request);
        return RoomHistory.map(request, page -> {
            boolean start = page.end().isEmpty() || page.chunk().isEmpty()
                    || page.chunk().stream().anyMatch(StoreWindow::isCreate);
            List<StoredEvent> stored = store.applyBackPagination(roomId, gap, page.chunk(), page.end(), start);
            long oldest;
            synchronized (lock) {
                oldest = stored.isEmpty() ? oldestPosition() : stored.get(0).position();
            }
            StoreWindow after = StoreWindow.at(store, roomId, oldest);
            show(startedIn, stored, after.gapBefore());
            return new PaginationResult(stored.size(), start || (after.reachedStart() && !after.gapBefore()));
        });
    }

    private void show(int startedIn, List<StoredEvent> olderFirst, boolean gapBefore) {
        synchronized (lock) {
            if (startedIn != generation || closed) {
                return; // a limited sync reset the timeline meanwhile: the events are stored, not shown
            }
            if (!olderFirst.isEmpty()) {
                oldestPosition = olderFirst.get(0).position();
            }
            emit(model.prepend(StoreWindow.events(olderFirst), gapBefore));
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
            if (changes.limited()) {
                generation++;
                emit(load());
            } else {
                List<SyncEvent> events = changes.timeline();
                emit(model.append(events));
            }
        }
    }

    private void onLocalEcho(LocalEcho echo) {
        synchronized (lock) {
            if (loaded && !closed) {
                emit(model.upsertLocal(echo)); // before loading, the load reads the queue
            }
        }
    }

    private void ensureLoaded() {
        if (!loaded) {
            loaded = true;
            load();
        }
    }

    private List<TimelineDiff> load() {
        StoreWindow window = StoreWindow.before(store, roomId, Long.MAX_VALUE, INITIAL_EVENTS);
        oldestPosition = window.events().isEmpty() ? Long.MAX_VALUE : window.events().get(0).position();
        return model.reset(StoreWindow.events(window.events()), window.gapBefore(), localEchoes());
    }

    private List<LocalEcho> localEchoes() {
        try {
            return sends.localEchoes(roomId);
        } catch (UnsupportedOperationException e) {
            return List.of(); // a store without a send queue
        }
    }

    /** Where to page back from: the stored position of the oldest event shown (positions may move). */
    private long oldestPosition() {
        return model.oldestEvent().flatMap(TimelineItem.Event::eventId).flatMap(id -> store.event(roomId, id))
                .map(StoredEvent::position).orElse(oldestPosition);
    }

    private void emit(List<TimelineDiff> diffs) {
        if (!diffs.isEmpty()) {
            TimelineUpdate.Diffs update = new TimelineUpdate.Diffs(diffs);
            subscribers.forEach(subscriber -> subscriber.offer(update));
        }
    }
}
