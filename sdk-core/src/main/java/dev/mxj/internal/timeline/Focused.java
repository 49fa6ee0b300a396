package dev.mxj.internal.timeline;

import dev.mxj.event.SyncEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.timeline.Direction;
import dev.mxj.timeline.FocusedTimeline;
import dev.mxj.timeline.TimelineItem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** An immutable {@link FocusedTimeline}: its events, and the tokens to page on in either direction. */
final class Focused implements FocusedTimeline {
    private final RoomHistory history;
    private final RoomId roomId;
    private final EventId focus;
    private final List<TimelineItem.Event> items;
    private final Optional<String> start;
    private final Optional<String> end;
    private final boolean reachedStart;
    private final boolean reachedEnd;
    private final TimelineDecryption decryption;

    private Focused(RoomHistory history, RoomId roomId, EventId focus, List<TimelineItem.Event> items,
                    Optional<String> start, Optional<String> end, boolean reachedStart, boolean reachedEnd,
                    TimelineDecryption decryption) {
        this.decryption = decryption;
        this.history = history;
        this.roomId = roomId;
        this.focus = focus;
        this.items = List.copyOf(items);
        this.start = start;
        this.end = end;
        this.reachedStart = reachedStart;
        this.reachedEnd = reachedEnd;
    }

    /** With {@code decryption}: encrypted events show decrypted where the module can (no later updates). */
    static Focused of(RoomHistory history, RoomId roomId, EventId focus, RoomHistory.Context context,
                      TimelineDecryption decryption) {
        List<SyncEvent> events = new ArrayList<>(context.before());
        events.add(context.event());
        events.addAll(context.after());
        return new Focused(history, roomId, focus, dedupe(List.of(), events, decryption), context.start(),
                context.end(), context.start().isEmpty(), context.end().isEmpty(), decryption);
    }

    @Override
    public EventId focus() {
        return focus;
    }

    @Override
    public List<TimelineItem> items() {
        return List.copyOf(items);
    }

    @Override
    public int focusIndex() {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).eventId().filter(focus::equals).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean reachedStart() {
        return reachedStart;
    }

    @Override
    public boolean reachedEnd() {
        return reachedEnd;
    }

    @Override
    public CompletableFuture<FocusedTimeline> paginateBackwards(int limit) {
        StoreTimeline.checkLimit(limit);
        if (reachedStart) {
            return CompletableFuture.completedFuture(this);
        }
        return RoomHistory.map(history.messages(roomId, start, Direction.BACKWARD, limit), page -> {
            List<SyncEvent> older = new ArrayList<>(page.chunk());
            Collections.reverse(older);
            List<TimelineItem.Event> fresh = dedupe(items, older, decryption);
            fresh.addAll(items);
            boolean done = page.end().isEmpty() || page.chunk().isEmpty();
            return new Focused(history, roomId, focus, fresh, page.end().or(() -> start), end, done, reachedEnd,
                    decryption);
        });
    }

    @Override
    public CompletableFuture<FocusedTimeline> paginateForwards(int limit) {
        StoreTimeline.checkLimit(limit);
        if (end.isEmpty()) {
            return CompletableFuture.completedFuture(this);
        }
        return RoomHistory.map(history.messages(roomId, end, Direction.FORWARD, limit), page -> {
            List<TimelineItem.Event> all = new ArrayList<>(items);
            all.addAll(dedupe(items, page.chunk(), decryption));
            boolean done = page.end().isEmpty() || page.chunk().isEmpty();
            return new Focused(history, roomId, focus, all, start, page.end().or(() -> end), reachedStart, done,
                    decryption);
        });
    }

    /** {@code events} as items, without those in {@code known} or seen earlier in {@code events}. */
    private static List<TimelineItem.Event> dedupe(List<TimelineItem.Event> known, List<SyncEvent> events,
                                                   TimelineDecryption decryption) {
        Set<EventId> seen = new HashSet<>();
        known.forEach(item -> item.eventId().ifPresent(seen::add));
        List<TimelineItem.Event> out = new ArrayList<>();
        for (SyncEvent event : decryption.decrypt(events)) {
            TimelineItem.Event item = new TimelineItem.Event(event, decryption.resultOf(event));
            if (item.eventId().map(seen::add).orElse(true)) {
                out.add(item);
            }
        }
        return out;
    }
}
