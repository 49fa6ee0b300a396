package dev.mxj.internal.timeline;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.store.RoomChanges;
import dev.mxj.store.StoredEvent;
import dev.mxj.store.TimelineGap;
import dev.mxj.timeline.Direction;
import dev.mxj.timeline.EventAtTime;
import dev.mxj.timeline.FocusedTimeline;
import dev.mxj.timeline.PaginationResult;
import dev.mxj.timeline.ThreadTimeline;
import dev.mxj.timeline.Timeline;
import dev.mxj.timeline.TimelineDiff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A room's main {@link Timeline} over the state store: loads the newest stored events on first use
 * (enough to show {@link #INITIAL_ITEMS} items when the store has them), appends what sync delivers
 * (a limited sync resets it to the store's newest events after the new gap), and pages back through
 * the store, then the server.
 */
final class StoreTimeline extends LiveItems implements Timeline {
    /** How many items a timeline starts with, when the store has that many after its newest gap. */
    static final int INITIAL_ITEMS = 20;
    /** At most this many store reads to find them (hidden events, e.g. reactions, show nothing). */
    private static final int INITIAL_READS = 5;

    /** The position of the oldest event loaded, for a malformed event without an ID to look up. */
    private long oldestPosition = Long.MAX_VALUE;

    StoreTimeline(RoomId roomId, TimelineContext context) {
        super(roomId, context, Scope.main());
    }

    @Override
    public CompletableFuture<FocusedTimeline> focusOn(EventId event, int limit) {
        Objects.requireNonNull(event, "event");
        checkLimit(limit);
        RoomHistory history = context.history();
        return RoomHistory.map(history.context(roomId, event, limit),
                answer -> {
                    TimelineDecryption once = context.decryption(roomId, late -> { });
                    return Focused.of(history, roomId, event, answer, once,
                            () -> context.index(roomId, Scope.main(), once));
                });
    }

    @Override
    public CompletableFuture<Optional<EventAtTime>> eventAt(Instant time, Direction direction) {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(direction, "direction");
        CompletableFuture<EventAtTime> call = context.history().timestampToEvent(roomId, time, direction);
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
    public ThreadTimeline thread(EventId root) {
        Objects.requireNonNull(root, "root");
        return new StoreThreadTimeline(roomId, context, root);
    }

    /** One pagination: from the store if it has older events before the nearest gap, else from the server. */
    @Override
    CompletableFuture<PaginationResult> step(int limit, AtomicReference<CompletableFuture<?>> call) {
        long below;
        int startedIn;
        synchronized (lock) {
            ensureLoaded();
            below = oldestPosition();
            startedIn = generation;
        }
        StoreWindow window = StoreWindow.before(context.store(), roomId, below, limit);
        if (!window.events().isEmpty() || window.gap().isEmpty()) {
            show(startedIn, window.events(), window.gapBefore());
            return CompletableFuture.completedFuture(
                    new PaginationResult(window.events().size(), window.reachedStart() && !window.gapBefore()));
        }
        TimelineGap gap = window.gap().get();
        CompletableFuture<RoomHistory.Page> request = context.history().messages(roomId,
                Optional.of(gap.prevBatch()), Direction.BACKWARD, limit);
        call.set(request);
        return RoomHistory.map(request, page -> {
            boolean start = page.end().isEmpty() || page.chunk().isEmpty()
                    || page.chunk().stream().anyMatch(StoreWindow::isCreate);
            List<StoredEvent> stored = context.store().applyBackPagination(roomId, gap, page.chunk(), page.end(),
                    start);
            long oldest;
            synchronized (lock) {
                oldest = stored.isEmpty() ? oldestPosition() : stored.get(0).position();
            }
            StoreWindow after = StoreWindow.at(context.store(), roomId, oldest);
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

    @Override
    List<TimelineDiff> follow(RoomChanges changes) {
        if (changes.limited()) {
            generation++;
            return load();
        }
        List<SyncEvent> events = changes.timeline();
        return model.append(events);
    }

    @Override
    List<TimelineDiff> load() {
        List<StoredEvent> events = new ArrayList<>();
        long below = Long.MAX_VALUE;
        int shown = 0;
        boolean gapBefore = false;
        for (int read = 0; read < INITIAL_READS; read++) {
            StoreWindow window = StoreWindow.before(context.store(), roomId, below, INITIAL_ITEMS);
            events.addAll(0, window.events());
            shown += (int) window.events().stream().filter(e -> scope.shows(e.event())).count();
            gapBefore = window.gapBefore();
            if (window.events().isEmpty() || shown >= INITIAL_ITEMS || gapBefore || window.reachedStart()) {
                break;
            }
            below = window.events().get(0).position();
        }
        oldestPosition = events.isEmpty() ? Long.MAX_VALUE : events.get(0).position();
        return model.reset(StoreWindow.events(events), gapBefore, context.localEchoes(roomId));
    }

    /** Where to page back from: the stored position of the oldest event loaded (positions may move). */
    private long oldestPosition() {
        return model.oldestLoaded().flatMap(id -> context.store().event(roomId, id))
                .map(StoredEvent::position).orElse(oldestPosition);
    }
}
