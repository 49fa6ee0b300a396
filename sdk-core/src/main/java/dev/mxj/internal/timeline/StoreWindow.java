package dev.mxj.internal.timeline;

import dev.mxj.event.RoomEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.RoomId;
import dev.mxj.store.StateStore;
import dev.mxj.store.StoredEvent;
import dev.mxj.store.TimelineGap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Stored events before a position, up to the nearest gap: what a timeline shows from the store
 * before it must ask the server.
 *
 * @param events       stored events before the position and after the gap, oldest first
 * @param gap          the nearest gap below the position, if any
 * @param gapBefore    true when the next older thing is that gap (not a stored event)
 * @param reachedStart true when nothing older is stored and no gap is left, or the room's create
 *                     event is reached
 */
record StoreWindow(List<StoredEvent> events, Optional<TimelineGap> gap, boolean gapBefore, boolean reachedStart) {
    static final String CREATE = "m.room.create";

    /** Up to {@code limit} stored events before {@code below}, stopping at the nearest gap. */
    static StoreWindow before(StateStore store, RoomId room, long below, int limit) {
        List<StoredEvent> candidates = store.eventsBefore(room, below, limit);
        Optional<TimelineGap> gap = nearestGap(store, room, below);
        List<StoredEvent> kept = new ArrayList<>();
        for (StoredEvent event : candidates) {
            if (gap.isEmpty() || event.position() >= gap.get().beforePosition()) {
                kept.add(event);
            }
        }
        long oldest = kept.isEmpty() ? below : kept.get(0).position();
        return at(store, room, oldest, gap, kept);
    }

    /** Nothing to show, only the state of what lies before {@code oldest}. */
    static StoreWindow at(StateStore store, RoomId room, long oldest) {
        return at(store, room, oldest, nearestGap(store, room, oldest), List.of());
    }

    private static StoreWindow at(StateStore store, RoomId room, long oldest, Optional<TimelineGap> gap,
                                  List<StoredEvent> kept) {
        List<StoredEvent> previous = store.eventsBefore(room, oldest, 1);
        boolean gapBefore = gap.isPresent()
                && (previous.isEmpty() || previous.get(0).position() < gap.get().beforePosition());
        boolean created = !kept.isEmpty() && isCreate(kept.get(0).event());
        boolean reachedStart = created || (gap.isEmpty() && previous.isEmpty());
        return new StoreWindow(List.copyOf(kept), gap, gapBefore, reachedStart);
    }

    static boolean isCreate(SyncEvent event) {
        return event instanceof RoomEvent roomEvent && roomEvent.type().equals(CREATE)
                && roomEvent.stateKey().filter(String::isEmpty).isPresent();
    }

    static List<SyncEvent> events(List<StoredEvent> stored) {
        List<SyncEvent> out = new ArrayList<>(stored.size());
        stored.forEach(event -> out.add(event.event()));
        return out;
    }

    private static Optional<TimelineGap> nearestGap(StateStore store, RoomId room, long below) {
        return store.gaps(room).stream().filter(g -> g.beforePosition() <= below)
                .max(Comparator.comparingLong(TimelineGap::beforePosition));
    }
}
