package dev.mxj.internal.timeline;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.event.Relation;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.internal.Calls;
import dev.mxj.relations.RelationsPage;
import dev.mxj.relations.RelationsQuery;
import dev.mxj.relations.RoomRelations;
import dev.mxj.store.RoomChanges;
import dev.mxj.store.StoredEvent;
import dev.mxj.timeline.PaginationResult;
import dev.mxj.timeline.ThreadTimeline;
import dev.mxj.timeline.TimelineDiff;
import dev.mxj.timeline.TimelineItem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link ThreadTimeline}: the store's newest events (up to {@link #STORE_SCAN}, stopping at the
 * newest gap or the root) give its first items; {@code /relations/{root}/m.thread} pages give older
 * replies, then the root. Nothing it fetches is stored.
 */
final class StoreThreadTimeline extends LiveItems implements ThreadTimeline {
    /** How many of the newest stored events the first load reads at most, looking for the root. */
    static final int STORE_SCAN = 500;
    private static final int STORE_PAGE = 100;

    private final EventId root;
    private final RoomRelations relations;
    /** The {@code /relations} token of the next older page; empty before the first page. */
    private Optional<String> from = Optional.empty();
    private boolean reachedStart;

    StoreThreadTimeline(RoomId roomId, TimelineContext context, EventId root) {
        super(roomId, context, Scope.thread(root));
        this.root = Objects.requireNonNull(root, "root");
        this.relations = context.relations(roomId);
    }

    @Override
    public EventId root() {
        return root;
    }

    @Override
    List<TimelineDiff> load() {
        List<StoredEvent> events = new ArrayList<>();
        long below = Long.MAX_VALUE;
        boolean complete = false;
        while (events.size() < STORE_SCAN) {
            StoreWindow window = StoreWindow.before(context.store(), roomId, below, STORE_PAGE);
            int at = indexOfRoot(window.events());
            if (at >= 0) {
                events.addAll(0, window.events().subList(at, window.events().size()));
                complete = true;
                break;
            }
            events.addAll(0, window.events());
            if (window.events().isEmpty() || window.gapBefore() || window.reachedStart()) {
                break;
            }
            below = window.events().get(0).position();
        }
        reachedStart = complete;
        from = Optional.empty();
        return model.reset(StoreWindow.events(events), !complete, context.localEchoes(roomId));
    }

    private int indexOfRoot(List<StoredEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).event() instanceof RoomEvent event && event.eventId().equals(root)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    List<TimelineDiff> follow(RoomChanges changes) {
        if (!changes.limited()) {
            return model.append(changes.timeline());
        }
        // Replies may hide in the new gap: start again from this sync's events, and page from the newest.
        generation++;
        reachedStart = false;
        from = Optional.empty();
        return model.reset(changes.timeline(), true);
    }

    @Override
    CompletableFuture<PaginationResult> step(int limit, AtomicReference<CompletableFuture<?>> call) {
        RelationsQuery query = RelationsQuery.all().withRelType(Relation.THREAD).withLimit(limit);
        int startedIn;
        synchronized (lock) {
            ensureLoaded();
            if (reachedStart) {
                return CompletableFuture.completedFuture(new PaginationResult(0, true));
            }
            startedIn = generation;
            if (from.isPresent()) {
                query = query.withFrom(from.get());
            }
        }
        CompletableFuture<RelationsPage> request = relations.relations(root, query);
        call.set(request);
        return Calls.then(request, page -> {
            if (page.nextBatch().isPresent() && !page.chunk().isEmpty()) {
                return CompletableFuture.completedFuture(show(startedIn, page, Optional.empty(), false));
            }
            CompletableFuture<SyncEvent> rootCall = relations.event(root);
            call.set(rootCall);
            return rootCall.handle((event, error) -> {
                if (error != null && !isGone(error)) {
                    throw error instanceof CompletionException ce ? ce : new CompletionException(error);
                }
                return show(startedIn, page, Optional.ofNullable(event), true);
            });
        });
    }

    /** True if the server says the root is not there, or not for this user: the thread starts without it. */
    private static boolean isGone(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof MatrixApiException api && (api.errorCode().equals(ErrorCode.NOT_FOUND)
                || api.errorCode().equals(ErrorCode.FORBIDDEN));
    }

    /**
     * Shows a page (newest first, as {@code dir=b} gives it) and, at the thread's start, the root. A
     * reply newer than every reply shown came after the last sync: it goes at the end, where sync
     * will deliver it again (and deduplicate it).
     */
    private PaginationResult show(int startedIn, RelationsPage page, Optional<SyncEvent> rootEvent, boolean done) {
        synchronized (lock) {
            if (startedIn != generation || closed) {
                return new PaginationResult(0, false);
            }
            List<SyncEvent> older = new ArrayList<>(page.chunk());
            Collections.reverse(older);
            rootEvent.ifPresent(event -> older.add(0, event));
            long newestShown = newestShownTs();
            List<SyncEvent> newer = new ArrayList<>();
            older.removeIf(event -> {
                boolean ahead = event instanceof RoomEvent e && e.originServerTs() > newestShown
                        && !e.eventId().equals(root);
                if (ahead) {
                    newer.add(event);
                }
                return ahead;
            });
            from = page.nextBatch();
            reachedStart = done;
            List<TimelineDiff> diffs = new ArrayList<>(model.prepend(older, !done));
            diffs.addAll(model.append(newer));
            emit(diffs);
            return new PaginationResult(page.chunk().size() + rootEvent.map(e -> 1).orElse(0), done);
        }
    }

    /** The time of the newest reply shown; no reply is newer than "nothing shown". */
    private long newestShownTs() {
        List<TimelineItem> items = model.items();
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i) instanceof TimelineItem.Event item && item.event() instanceof RoomEvent event) {
                return event.originServerTs();
            }
        }
        return Long.MAX_VALUE;
    }
}
