package dev.mxj.internal.timeline;

import dev.mxj.event.RoomEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.relations.Redaction;
import dev.mxj.timeline.Direction;
import dev.mxj.timeline.FocusedTimeline;
import dev.mxj.timeline.TimelineItem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;

/**
 * An immutable {@link FocusedTimeline}: its events, and the tokens to page on in either direction.
 * Its items are rendered by a {@link TimelineModel} of the main timeline's scope: edits, reactions and
 * redactions apply to their targets, thread replies are folded into their root's summary.
 */
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
    /** A fresh index for each rendering (the room's version, the own user, the decryption results). */
    private final Supplier<EventIndex> indexes;
    private final List<TimelineItem> shown;

    private Focused(RoomHistory history, RoomId roomId, EventId focus, List<TimelineItem.Event> items,
                    Optional<String> start, Optional<String> end, boolean reachedStart, boolean reachedEnd,
                    TimelineDecryption decryption, Supplier<EventIndex> indexes) {
        this.decryption = decryption;
        this.indexes = indexes;
        TimelineModel model = new TimelineModel(indexes.get()); // the events are decrypted already
        model.reset(items.stream().map(TimelineItem.Event::event).toList(), false, List.of());
        this.shown = model.items();
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
                      TimelineDecryption decryption, Supplier<EventIndex> indexes) {
        List<SyncEvent> events = new ArrayList<>(context.before());
        events.add(context.event());
        events.addAll(context.after());
        return new Focused(history, roomId, focus, dedupe(List.of(), events, decryption), context.start(),
                context.end(), context.start().isEmpty(), context.end().isEmpty(), decryption, indexes);
    }

    @Override
    public EventId focus() {
        return focus;
    }

    @Override
    public List<TimelineItem> items() {
        return shown;
    }

    /** The item of the focus; for an event folded into another (a reaction, an edit...), that one's item. */
    @Override
    public int focusIndex() {
        EventId wanted = focus;
        for (int hop = 0; hop < 3; hop++) {
            for (int i = 0; i < shown.size(); i++) {
                if (shown.get(i) instanceof TimelineItem.Event e && e.eventId().filter(wanted::equals).isPresent()) {
                    return i;
                }
            }
            Optional<EventId> next = related(wanted);
            if (next.isEmpty()) {
                return -1;
            }
            wanted = next.get();
        }
        return -1;
    }

    /** The event {@code id} changes or replies in: a redaction's, edit's or reaction's target, a reply's root. */
    private Optional<EventId> related(EventId id) {
        for (TimelineItem.Event item : items) {
            if (item.eventId().filter(id::equals).isPresent() && item.event() instanceof RoomEvent e) {
                return Redaction.redactedEventId(e.raw()).filter(x -> e.type().equals(Scope.REDACTION))
                        .or(() -> Scope.target(e)).or(() -> Scope.threadRoot(e));
            }
        }
        return Optional.empty();
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
                    decryption, indexes);
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
                    decryption, indexes);
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
